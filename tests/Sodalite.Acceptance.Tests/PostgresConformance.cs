// PostgreSQL under the conformance suite: the recorded Soda Core 3.5.6 runs replayed on a real PostgreSQL cluster, compared as they
// are (sample column types included). Every other engine is held to these results.
using Sodalite.TestSupport;

namespace Sodalite.Acceptance.Tests;

public sealed class PostgresEngine : ConformanceEngine
{
    public PostgresServer Server { get; } = new();
    public override string Engine => "PostgreSQL";
    public override bool SampleColumnTypes => true;

    public override async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Server.ExecuteAsync(File.ReadAllText(Path.Combine(RepoPaths.Acceptance, "soda-v3", "tables.sql")));
        await Server.ExecuteAsync(File.ReadAllText(Path.Combine(RepoPaths.Acceptance, "soda-v3-reports", "tables.sql")));
        ConfigPath = WriteConfig(File.ReadAllText(Path.Combine(RepoPaths.Acceptance, "soda-v3", "cfg.yml")).Replace("PORT", Server.Port.ToString()));
    }

    public override Task DisposeAsync() => Server.DisposeAsync();
}

public class PostgresConformance(PostgresEngine engine) : ConformanceSuite<PostgresEngine>(engine), IClassFixture<PostgresEngine>
{
    [Fact]
    public void Every_recorded_case_is_either_replayed_or_listed_for_a_later_check_type()
    {
        var all = Directory.GetDirectories(AcceptanceCase.CasesDir).Select(d => Path.GetFileName(d)!).Order().ToList();
        var known = AcceptanceCase.Replayed.Concat(AcceptanceCase.NotYetReplayed).Order().ToList();
        Assert.Equal(all, known);
    }
}

public class PostgresReports(PostgresEngine engine) : ReportsSuite<PostgresEngine>(engine), IClassFixture<PostgresEngine>;
