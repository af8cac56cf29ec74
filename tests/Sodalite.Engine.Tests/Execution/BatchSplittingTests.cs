// When a dataset's aggregation fails, the engine's typed error and the catalog decide: a missing dataset or a filter that does not
// resolve fails the whole batch with one error (as Soda reports it); an expression that does not resolve is found by splitting the
// batch, so the other checks keep their values.
using Sodalite.SodaCL.Diagnostics;

namespace Sodalite.Engine.Tests.Execution;

public class BatchSplittingTests
{
    private static async Task<Output.ScanRun> Scan(string checksYaml)
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-split-").FullName;
        string data = Path.Combine(dir, "orders.csv");
        File.WriteAllText(data, "id,amount,country\n1,10,BE\n2,20,\n3,30,FR\n");
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, checksYaml);
        return await new Scanner(TimeProvider.System).RunAsync(new ScanOptions { DataFile = data, CheckPaths = [checks] });
    }

    private static List<string> Errors(Output.ScanRun run) => [.. run.Logs.Where(l => l.Level == ScanLogLevel.Error).Select(l => l.Message)];

    [Fact]
    public async Task An_expression_on_a_missing_column_is_split_out_and_the_other_metrics_keep_their_values()
    {
        var run = await Scan("checks for orders:\n  - row_count = 3\n  - max(no_such_column) > 0\n  - min(amount) = 10\n  - missing_count(country) = 1\n");

        Assert.Contains(run.Queries, q => q.Name.EndsWith("[retry]", StringComparison.Ordinal));
        Assert.Equal(3, run.Results.Count(r => r.Outcome == Sodalite.Engine.Evaluation.CheckOutcome.Pass));
        Assert.Contains(Errors(run), e => e.Contains("no_such_column", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_filter_on_a_missing_column_fails_the_batch_with_one_error()
    {
        var run = await Scan("filter orders [bad]:\n  where: no_such_column > 0\n\nchecks for orders [bad]:\n  - row_count = 3\n  - min(amount) = 10\n  - max(amount) = 30\n");

        Assert.DoesNotContain(run.Queries, q => q.Name.EndsWith("[retry]", StringComparison.Ordinal));
        Assert.Single(Errors(run), e => e.StartsWith("Query execution error in 1.orders.orders[bad].aggregation[0]", StringComparison.Ordinal));
        Assert.All(run.Results, r => Assert.Null(r.Outcome));
    }

    [Fact]
    public async Task A_filter_naming_a_missing_column_through_a_variable_fails_the_batch_with_one_error()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-split-").FullName;
        string data = Path.Combine(dir, "orders.csv");
        File.WriteAllText(data, "id,amount,country\n1,10,BE\n2,20,\n3,30,FR\n");
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "filter orders [bad]:\n  where: ${COL} > 0\n\nchecks for orders [bad]:\n  - row_count = 3\n  - min(amount) = 10\n  - max(amount) = 30\n");
        var run = await new Scanner(TimeProvider.System).RunAsync(new ScanOptions
        {
            DataFile = data,
            CheckPaths = [checks],
            Variables = new Dictionary<string, string> { ["COL"] = "no_such_column" },
        });

        Assert.DoesNotContain(run.Queries, q => q.Name.EndsWith("[retry]", StringComparison.Ordinal));
        Assert.Single(Errors(run), e => e.StartsWith("Query execution error in 1.orders.orders[bad].aggregation[0]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_dataset_fails_the_batch_with_one_error()
    {
        var run = await Scan("checks for no_such_table:\n  - row_count = 3\n  - min(amount) = 10\n");

        Assert.DoesNotContain(run.Queries, q => q.Name.EndsWith("[retry]", StringComparison.Ordinal));
        Assert.Single(Errors(run), e => e.StartsWith("Query execution error in 1.orders.no_such_table.aggregation[0]", StringComparison.Ordinal));
    }
}
