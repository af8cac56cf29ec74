// A group by's nested checks are judged on each group's value; a nested check of a type that needs more than one value
// (change over time, a row count comparison) is judged like a metric check, as Soda builds it, and never costs the others.
using Sodalite.Engine.Evaluation;

namespace Sodalite.Engine.Tests.CheckTypes;

public class GroupByNestedTests
{
    [Fact]
    public async Task A_change_over_time_nested_check_does_not_cost_the_other_nested_checks_their_results()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-group-").FullName;
        string data = Path.Combine(dir, "t.csv");
        File.WriteAllText(data, "id,country,size\n1,BE,10\n2,BE,20\n3,FR,4\n");
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, """
            checks for t:
              - group by:
                  query: SELECT country, AVG(size) AS avg_size FROM t GROUP BY country
                  fields:
                    - country
                  checks:
                    - avg_size > 6
                    - change for avg_size < 10:
                        name: chg
            """);

        var run = await new Scanner(TimeProvider.System).RunAsync(new ScanOptions { DataFile = data, CheckPaths = [checks] });

        var nested = run.Results.Where(r => r.Group is not null).ToList();
        Assert.Equal(4, nested.Count);
        Assert.Contains(nested, r => r.Group!.DistinctLabel == "BE" && r.Outcome == CheckOutcome.Pass);
        Assert.Contains(nested, r => r.Group!.DistinctLabel == "FR" && r.Outcome == CheckOutcome.Fail);
        Assert.DoesNotContain(run.Logs, l => l.Message.Contains("Evaluation of check group by failed", StringComparison.Ordinal));
    }
}
