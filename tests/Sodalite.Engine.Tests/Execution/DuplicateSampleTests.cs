// Duplicate failed-row samples on DuckDB join the duplicated keys kept by the count query; they must hold as
// many rows as Soda's own sample query (rows of duplicated keys, up to the samples limit).
namespace Sodalite.Engine.Tests.Execution;

public class DuplicateSampleTests
{
    private static async Task<(long? Count, int? SampleRows, IReadOnlyList<string> Queries)> Scan(string csv, string check)
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-dup-").FullName;
        string data = Path.Combine(dir, "orders.csv");
        File.WriteAllText(data, csv);
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for orders:\n  - " + check + "\n");
        var run = await new Scanner(TimeProvider.System).RunAsync(new ScanOptions { DataFile = data, CheckPaths = [checks] });
        var metric = run.Metrics.Single(m => m.Name == "duplicate_count");
        return (run.Measurements[metric].Value as long?, run.Measurements[metric].Sample?.RowCount, run.Queries.Select(q => q.Name).ToList());
    }

    // Three keys appear twice, one appears three times, one once, one is null twice (nulls are not duplicates).
    private const string Csv = "id,other\n1,a\n1,b\n2,c\n2,d\n3,e\n3,f\n4,g\n4,h\n4,i\n5,j\n,k\n,l\n";

    [Fact]
    public async Task The_sample_holds_every_row_of_the_duplicated_keys_when_below_the_limit()
    {
        var (count, rows, queries) = await Scan(Csv, "duplicate_count(id) = 0");
        Assert.Equal(4L, count);
        Assert.Equal(9, rows);
        Assert.Contains(queries, q => q.EndsWith(".duplicate_count.keep_keys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sample_stops_at_the_samples_limit()
    {
        var (count, rows, _) = await Scan(Csv, "duplicate_count(id) = 0:\n      samples limit: 3");
        Assert.Equal(4L, count);
        Assert.Equal(3, rows);
    }

    [Fact]
    public async Task Without_samples_the_count_is_soda_query_and_nothing_is_kept()
    {
        var (count, rows, queries) = await Scan(Csv, "duplicate_count(id) = 0:\n      samples limit: 0");
        Assert.Equal(4L, count);
        Assert.Null(rows);
        Assert.DoesNotContain(queries, q => q.EndsWith(".keep_keys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Several_columns_are_matched_together()
    {
        var (count, rows, _) = await Scan("a,b\n1,x\n1,x\n1,y\n2,y\n2,y\n2,y\n", "duplicate_count(a, b) = 0");
        Assert.Equal(2L, count);
        Assert.Equal(5, rows);
    }
}
