// `sodalite scan --data` with several files or a folder: one DuckDB data source, each file a table named after its stem.
using static Sodalite.Cli.Tests.CliRun;

namespace Sodalite.Cli.Tests;

public sealed class DataFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sodalite-cli-files-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }


    [Fact]
    public async Task Data_repeated_scans_checks_across_the_files()
    {
        string orders = Write("a/orders.csv", "id,customer_id\n1,c1\n2,c9\n");
        string customers = Write("b/customers.json", "[{\"id\": \"c1\"}, {\"id\": \"c2\"}]");
        string checks = Write("checks.yml", "checks for orders:\n  - values in customer_id must exist in customers id\n  - row_count same as customers\n");

        var (exit, output, err) = await Run("scan", "--no-history", "--data", orders, "--data", customers, checks);

        Assert.True(exit == 2, output + err);
        Assert.Contains("values in customer_id must exist in customers id [FAILED]", output);
        Assert.Contains("row_count same as customers [PASSED]", output);
        Assert.Contains("orders in files", output);
    }

    [Fact]
    public async Task Data_with_a_missing_file_names_it_and_still_scans_the_others()
    {
        string orders = Write("orders.csv", "id\n1\n2\n");
        string missing = Path.Combine(_dir, "customers.parquet");
        string checks = Write("checks.yml", "checks for orders:\n  - row_count = 2\n");

        var (exit, output, _) = await Run("scan", "--no-history", "--data", orders, "--data", missing, checks);

        Assert.Equal(3, exit);
        Assert.Contains($"Data file not found: {missing}", output);
        Assert.Contains("row_count = 2 [PASSED]", output);
    }
}
