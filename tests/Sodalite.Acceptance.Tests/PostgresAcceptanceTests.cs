// Replays the recorded Soda Core 3.5.6 runs on a real PostgreSQL cluster and compares the results.
using System.Text.Json.Nodes;
using Sodalite.TestSupport;

namespace Sodalite.Acceptance.Tests;

public sealed class PostgresAcceptanceFixture : IAsyncLifetime
{
    public PostgresServer Server { get; } = new();
    public string ConfigPath { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Server.ExecuteAsync(File.ReadAllText(Path.Combine(RepoPaths.Acceptance, "soda-v3", "tables.sql")));
        string cfg = File.ReadAllText(Path.Combine(RepoPaths.Acceptance, "soda-v3", "cfg.yml")).Replace("PORT", Server.Port.ToString());
        ConfigPath = Path.Combine(Directory.CreateTempSubdirectory("sodalite-acc-").FullName, "cfg.yml");
        File.WriteAllText(ConfigPath, cfg);
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}

public class PostgresAcceptanceTests(PostgresAcceptanceFixture pg) : IClassFixture<PostgresAcceptanceFixture>
{
    public static TheoryData<string> Cases => new(AcceptanceCase.Replayed);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Scan_matches_soda_core_on_postgres(string name)
    {
        string? diffs = await AcceptanceCase.ReplayAsync(name, pg.ConfigPath);
        Assert.True(diffs is null, diffs);
    }

    [Fact]
    public void Every_recorded_case_is_either_replayed_or_listed_for_a_later_check_type()
    {
        var all = Directory.GetDirectories(AcceptanceCase.CasesDir).Select(d => Path.GetFileName(d)!).Order().ToList();
        var known = AcceptanceCase.Replayed.Concat(AcceptanceCase.NotYetReplayed).Order().ToList();
        Assert.Equal(all, known);
    }
}
