// Anomaly checks on a local metric history: daily scans of a table whose row count wanders around 100, then jumps to 150, then
// comes back; on DuckDB and on PostgreSQL. And the model itself on series with seasonality, past spikes and a level shift.
using Sodalite.Engine.CheckTypes.AnomalyCheck;
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.History;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.TestSupport;

namespace Sodalite.Engine.Tests.CheckTypes;

public class AnomalyTests(PostgresServer pg) : IClassFixture<PostgresServer>
{
    private const string Checks = """
        checks for orders:
          - anomaly detection for row_count
          - anomaly detection for row_count:
              name: warn only
              warn_only: true
          - anomaly score for row_count < default
        """;

    private static readonly int[] Rows = [100, 102, 99, 101, 103, 100, 98, 101, 102, 100, 150, 101];

    private static async Task<List<Output.ScanRun>> ScanDaily(string dir, string config, string dataSource, Func<int, Task> fill)
    {
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, Checks);
        await using var history = await SqliteMetricHistory.OpenAsync(Path.Combine(dir, "history.db"), default);
        var runs = new List<Output.ScanRun>();
        for (int i = 0; i < Rows.Length; i++)
        {
            await fill(Rows[i]);
            runs.Add(await new Scanner(TimeProvider.System).RunAsync(new ScanOptions
            {
                DataSourceName = dataSource,
                ConfigurationFiles = [config],
                CheckPaths = [checks],
                DataTimestamp = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i),
                History = history,
            }));
        }
        return runs;
    }

    private static void AssertSequence(List<Output.ScanRun> runs)
    {
        Assert.All(runs, r => Assert.DoesNotContain(r.Logs, l => l.Level == ScanLogLevel.Error));
        // Seven scans build the history the model needs; they are not evaluated and do not fail the scan.
        for (int i = 0; i < AnomalyModel.MinimumHistory; i++)
        {
            Assert.All(runs[i].Results, r => Assert.Null(r.Outcome));
            Assert.Equal(0, runs[i].ExitCode);
        }
        for (int i = AnomalyModel.MinimumHistory; i < 10; i++)
            Assert.Equal([CheckOutcome.Pass, CheckOutcome.Pass, CheckOutcome.Pass], runs[i].Results.Select(r => r.Outcome));
        var jump = runs[10].Results;
        Assert.Equal([CheckOutcome.Fail, CheckOutcome.Warn, CheckOutcome.Warn], jump.Select(r => r.Outcome));
        Assert.Equal(150L, jump[0].Value);
        Assert.InRange(jump[0].Anomaly!.Expected, 98, 103);
        Assert.True(jump[0].Anomaly!.Upper < 150);
        Assert.True((double)jump[2].Value! > 0.9);
        // The day after, back to normal: the spike is not taken for the new level.
        Assert.Equal([CheckOutcome.Pass, CheckOutcome.Pass, CheckOutcome.Pass], runs[11].Results.Select(r => r.Outcome));
    }

    [Fact]
    public async Task Daily_scans_on_duckdb_fail_the_day_the_row_count_jumps_and_pass_the_day_after()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-anomaly-").FullName;
        string db = Path.Combine(dir, "shop.duckdb");
        string config = Path.Combine(dir, "configuration.yml");
        File.WriteAllText(config, $"data_source shop:\n  type: duckdb\n  path: {db}\n");

        var runs = await ScanDaily(dir, config, "shop", async rows =>
        {
            await using var c = new DuckDB.NET.Data.DuckDBConnection($"Data Source={db}");
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = $"CREATE OR REPLACE TABLE orders AS SELECT range AS id FROM range({rows})";
            await cmd.ExecuteNonQueryAsync();
        });

        AssertSequence(runs);
    }

    [Fact]
    public async Task Daily_scans_on_postgresql_fail_the_day_the_row_count_jumps_and_pass_the_day_after()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-anomaly-").FullName;
        string config = Path.Combine(dir, "configuration.yml");
        File.WriteAllText(config, $"data_source pg:\n  type: postgres\n  host: 127.0.0.1\n  port: {pg.Port}\n  username: postgres\n  password: x\n  database: postgres\n");

        var runs = await ScanDaily(dir, config, "pg", rows =>
            pg.ExecuteAsync($"DROP TABLE IF EXISTS orders; CREATE TABLE orders AS SELECT g AS id FROM generate_series(1, {rows}) g;"));

        AssertSequence(runs);
    }

    private static List<(DateTimeOffset, double)> Weekly(int days, Func<int, double>? extra = null)
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var r = new Random(7);
        return [.. Enumerable.Range(0, days).Select(d =>
        {
            var t = start.AddDays(d);
            double season = t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? -1000 : 400;
            return (t, 10_000 + 5.0 * d + season + 100 * (r.NextDouble() - 0.5) + (extra?.Invoke(d) ?? 0));
        })];
    }

    [Fact]
    public void The_model_expects_the_weekend_dip_and_flags_a_weekday_at_weekend_level()
    {
        var series = Weekly(60);
        var saturday = new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero);   // day 61, a Saturday
        var monday = saturday.AddDays(2);

        var normalSaturday = AnomalyModel.Judge(series, saturday, 10_000 + 5.0 * 61 - 1000)!;
        var mondayAtWeekendLevel = AnomalyModel.Judge(series, monday, 10_000 + 5.0 * 63 - 1000)!;

        Assert.False(normalSaturday.IsAnomaly);
        Assert.True(mondayAtWeekendLevel.IsAnomaly);
        Assert.InRange(mondayAtWeekendLevel.Expected, 10_000 + 5.0 * 63 + 400 - 150, 10_000 + 5.0 * 63 + 400 + 150);
    }

    [Fact]
    public void Past_spikes_do_not_widen_the_band_and_a_level_shift_becomes_the_new_normal()
    {
        // Spikes of +3000 on days 20, 30 and 40; from day 50 the level is 2000 higher.
        var series = Weekly(70, d => d is 20 or 30 or 40 ? 3000 : d >= 50 ? 2000 : 0);
        var day70 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(70);   // a Monday

        var newNormal = AnomalyModel.Judge(series, day70, 10_000 + 5.0 * 70 + 400 + 2000)!;
        var oldLevel = AnomalyModel.Judge(series, day70, 10_000 + 5.0 * 70 + 400)!;
        var spikeBefore = AnomalyModel.Judge(series.Take(45).ToList(), series[45].Item1, series[45].Item2 + 600)!;

        Assert.False(newNormal.IsAnomaly);
        Assert.True(oldLevel.IsAnomaly);
        Assert.True(spikeBefore.IsAnomaly, $"band {spikeBefore.Lower}..{spikeBefore.Upper}, value {series[45].Item2 + 600}");
        Assert.Null(AnomalyModel.Judge(series.Take(AnomalyModel.MinimumHistory - 1).ToList(), series[10].Item1, 1));
    }
}
