// Replays the recorded Soda Core 3.5.6 runs on MariaDB (a private server the fixture starts): the same tables, the same checks,
// compared with what Soda wrote for PostgreSQL. The cases MariaDB cannot answer the same way are listed with the reason.
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sodalite.TestSupport;

namespace Sodalite.Acceptance.Tests;

public sealed class MariaDbAcceptanceFixture : IAsyncLifetime
{
    public MariaDbServer Server { get; } = new();
    public string ConfigPath { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        // MariaDB has no TIMESTAMPTZ: its TIMESTAMP stores instants (in UTC here). FLOAT is single precision: use DOUBLE.
        string sql = File.ReadAllText(Path.Combine(AcceptanceCase.CasesDir, "..", "tables.sql"));
        sql = Regex.Replace(sql, @"\bTIMESTAMPTZ\b", "TIMESTAMP NULL");
        sql = Regex.Replace(sql, @"\bFLOAT\b", "DOUBLE");
        sql = Regex.Replace(sql, @"(\d{2}:\d{2}:\d{2})\+00'", "$1'");
        await Server.ExecuteAsync("SET time_zone = '+00:00'; " + sql);
        // The user-written SQL of some cases names PostgreSQL's schema "public": a database of that name holds views of the tables.
        await Server.ExecuteAsync("CREATE DATABASE public; CREATE VIEW public.customers AS SELECT * FROM sodalite.customers; " +
                                  "CREATE VIEW public.rawcustomers AS SELECT * FROM sodalite.rawcustomers; CREATE VIEW public.orders AS SELECT * FROM sodalite.orders;");
        ConfigPath = Path.Combine(Directory.CreateTempSubdirectory("sodalite-acc-maria-").FullName, "cfg.yml");
        File.WriteAllText(ConfigPath, $"data_source pg:\n  type: mysql\n  host: 127.0.0.1\n  port: {Server.Port}\n  username: sodalite\n  password: x\n  database: sodalite\n");
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}

public class MariaDbAcceptanceTests(MariaDbAcceptanceFixture maria) : IClassFixture<MariaDbAcceptanceFixture>
{
    /// <summary>Cases MariaDB cannot answer as PostgreSQL does, and why.</summary>
    public static readonly Dictionary<string, string> Differences = new()
    {
        ["stats_postgres"] = "MariaDB has no PERCENTILE_DISC aggregate: Sodalite reports percentile as unavailable there (an error), Soda's PostgreSQL run computes it.",
        ["freshness_user_var_fail"] = "MariaDB has no time-zone-aware timestamp type: ts_with_tz is a TIMESTAMP, so its max prints without +00:00 (the freshness values and outcomes are equal).",
    };

    public static TheoryData<string> Cases => new(AcceptanceCase.Replayed.Where(c => !Differences.ContainsKey(c)));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Scan_matches_soda_core_on_mariadb(string name)
    {
        string? diffs = await AcceptanceCase.ReplayAsync(name, maria.ConfigPath, (expected, actual) =>
        {
            // MariaDB's one TIMESTAMP stands for both of PostgreSQL's timestamp types.
            AcceptanceCase.RenameCatalogTypes(actual, expected, PostgresTypeNames, ambiguous: "timestamp");
            AcceptanceCase.SortGroupByRows(expected);
            AcceptanceCase.SortGroupByRows(actual);
        }, sampleColumnTypes: false);
        Assert.True(diffs is null, diffs);
    }

    /// <summary>MariaDB's information_schema type names, and PostgreSQL's for the same columns of the acceptance tables.</summary>
    private static readonly Dictionary<string, string> PostgresTypeNames = new()
    {
        ["varchar"] = "character varying", ["double"] = "double precision", ["int"] = "integer", ["date"] = "date",
    };

    [Fact]
    public void Every_case_is_replayed_or_listed_with_its_reason() =>
        Assert.All(Differences, d => Assert.Contains(d.Key, AcceptanceCase.Replayed));
}
