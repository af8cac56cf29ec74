// A CSV scanned with --data is queried in place when a plan reads it a few times, and parsed once into a table when it reads it more.
using Sodalite.Engine.DataSources;

namespace Sodalite.Engine.Tests.DataSources;

public class DuckDbFileTests
{
    private static string Csv(string text)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("sodalite-file-").FullName, "orders.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(string Kind, long Rows)> Inspect(DataSource ds)
    {
        var conn = ds.Session;
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT (SELECT table_type FROM information_schema.tables WHERE table_name = 'orders'), (SELECT count(*) FROM orders)";
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetString(0), r.GetInt64(1));
    }

    [Theory]
    [InlineData(1, "VIEW")]
    [InlineData(DataSource.TextFileInPlacePasses, "VIEW")]
    [InlineData(DataSource.TextFileInPlacePasses + 1, "BASE TABLE")]
    public async Task A_csv_is_loaded_only_when_the_plan_reads_it_more_often_than_parsing_in_place_pays(int passes, string kind)
    {
        await using var ds = await DataSource.ConnectAsync(DataSourceConfig.ForFile(Csv("id,amount\n1,2.5\n2,3.5\n3,\n")), CancellationToken.None);
        await ds.PrepareAsync(passes, CancellationToken.None);
        Assert.Equal((kind, 3L), await Inspect(ds));
    }

    [Fact]
    public async Task A_csv_that_fails_to_load_stays_queryable_in_place_so_each_query_reports_the_error()
    {
        // Row 3 has too many fields: the sniffer (which reads the first rows) accepts the file, the full load does not.
        string rows = string.Concat(Enumerable.Range(0, 30_000).Select(i => $"{i},{i}.5\n"));
        await using var ds = await DataSource.ConnectAsync(DataSourceConfig.ForFile(Csv("id,amount\n" + rows + "x,1,2,3\n")), CancellationToken.None);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ds.PrepareAsync(DataSource.TextFileInPlacePasses + 1, CancellationToken.None));
        var conn = ds.Session;
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT table_type FROM information_schema.tables WHERE table_name = 'orders'";
        Assert.Equal("VIEW", await cmd.ExecuteScalarAsync());
    }
}
