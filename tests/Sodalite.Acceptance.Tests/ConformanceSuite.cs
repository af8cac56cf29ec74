// The dialect conformance suite: written once, run by every engine. Each engine loads the acceptance tables
// (../shared/acceptance/soda-v3/tables.sql, translated to its types) into a server its fixture starts, scans every recorded case's
// checks as data source "pg", and compares the results document with Soda Core's on PostgreSQL (which Sodalite's PostgreSQL
// run reproduces exactly): values within a relative 1e-9, outcomes, identities, diagnostics and logs' error presence equal.
// An engine lists the cases it cannot answer as PostgreSQL does, each with its reason; a listed case still runs, and must
// still differ, so the list cannot go stale.
using System.Text.Json.Nodes;

namespace Sodalite.Acceptance.Tests;

/// <summary>An engine under the conformance suite: a server with the acceptance tables, and how its answers may differ.</summary>
public abstract class ConformanceEngine : IAsyncLifetime
{
    /// <summary>A configuration.yml whose data source "pg" reaches the loaded tables.</summary>
    public string ConfigPath { get; protected set; } = "";

    public abstract string Engine { get; }

    /// <summary>Cases this engine cannot answer as PostgreSQL does, and why.</summary>
    public virtual IReadOnlyDictionary<string, string> Differences { get; } = new Dictionary<string, string>();

    /// <summary>Applies the engine's listed presentation differences (catalog type names, row order) before comparing.</summary>
    public virtual void Normalize(JsonObject expected, JsonObject actual) { }

    /// <summary>False when the engine names sample column types its own way (only the names are compared then).</summary>
    public virtual bool SampleColumnTypes => false;

    public abstract Task InitializeAsync();
    public abstract Task DisposeAsync();

    protected string WriteConfig(string dataSourceYaml)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("sodalite-conformance-").FullName, "cfg.yml");
        File.WriteAllText(path, dataSourceYaml);
        return path;
    }

    /// <summary>Every recorded case.</summary>
    public static TheoryData<string> Cases => new(AcceptanceCase.Replayed);

    /// <summary>Every case recorded from public Soda bug reports (soda-v3-reports), as it is in the folder.</summary>
    public static TheoryData<string> ReportCases => new(AcceptanceCase.Reports);

    /// <summary>Report cases this engine cannot answer as Soda's PostgreSQL run does, and why.</summary>
    public virtual IReadOnlyDictionary<string, string> ReportDifferences { get; } = new Dictionary<string, string>();
}

public abstract class ConformanceSuite<TEngine>(TEngine engine) where TEngine : ConformanceEngine
{
    protected TEngine Engine => engine;

    [Theory]
    [MemberData(nameof(ConformanceEngine.Cases), MemberType = typeof(ConformanceEngine))]
    public Task Case_matches_postgres(string name) => AssertMatchesAsync(engine, name, engine.Differences);

    /// <summary>Replays a case and asserts it matches, or, when listed among <paramref name="differences"/>, that it still differs.</summary>
    internal static async Task AssertMatchesAsync(ConformanceEngine engine, string name, IReadOnlyDictionary<string, string> differences)
    {
        string? diffs = await AcceptanceCase.ReplayAsync(name, engine.ConfigPath, engine.Normalize, engine.SampleColumnTypes);
        if (differences.TryGetValue(name, out string? reason))
            Assert.True(diffs is not null, $"{name} is listed as differing on {engine.Engine} ({reason}), but it now matches: take it off the list.");
        else
            Assert.True(diffs is null, diffs);
    }

    [Theory]
    [MemberData(nameof(ConformanceEngine.Cases), MemberType = typeof(ConformanceEngine))]
    public Task Dry_run_plan_lists_every_query_the_run_makes(string name) => AssertDryRunPlanHoldsRunAsync(engine, name);

    /// <summary>Asserts that the dry-run plan of a recorded case holds every query its real run makes (see <see cref="DryRunPlan"/>).</summary>
    internal static async Task AssertDryRunPlanHoldsRunAsync(ConformanceEngine engine, string name)
    {
        var diffs = await DryRunPlan.CompareWithRunAsync(new Sodalite.Engine.ScanOptions
        {
            DataSourceName = "pg",
            ConfigurationFiles = [engine.ConfigPath],
            CheckPaths = [Path.Combine(AcceptanceCase.CaseDir(name), "checks.yml")],
            Variables = AcceptanceCase.Vars(name),
        });
        Assert.True(diffs.Count == 0, string.Join("\n", diffs));
    }

    [Fact]
    public void Listed_differences_name_recorded_cases() =>
        Assert.All(engine.Differences, d => Assert.Contains(d.Key, AcceptanceCase.Replayed));
}

/// <summary>
/// The cases recorded from public Soda bug reports (../shared/acceptance/soda-v3-reports), for the engines that load their tables
/// (PostgreSQL and DuckDB). Every case folder there is replayed; a case added to the folder runs without a change here.
/// </summary>
public abstract class ReportsSuite<TEngine>(TEngine engine) where TEngine : ConformanceEngine
{
    [Theory]
    [MemberData(nameof(ConformanceEngine.ReportCases), MemberType = typeof(ConformanceEngine))]
    public Task Report_case_matches_soda(string name) => ConformanceSuite<TEngine>.AssertMatchesAsync(engine, name, engine.ReportDifferences);

    [Theory]
    [MemberData(nameof(ConformanceEngine.ReportCases), MemberType = typeof(ConformanceEngine))]
    public Task Dry_run_plan_lists_every_query_the_report_case_run_makes(string name) => ConformanceSuite<TEngine>.AssertDryRunPlanHoldsRunAsync(engine, name);

    [Fact]
    public void The_report_cases_are_there() => Assert.NotEmpty(AcceptanceCase.Reports);
}
