// MariaDB under the conformance suite, on a private server the fixture starts. Type names are mapped as for DuckDB; MariaDB's one
// TIMESTAMP stands for both of PostgreSQL's timestamp types.
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sodalite.TestSupport;

namespace Sodalite.Acceptance.Tests;

public sealed class MariaDbEngine : ConformanceEngine
{
    public MariaDbServer Server { get; } = new();
    public override string Engine => "MariaDB";

    public override IReadOnlyDictionary<string, string> Differences { get; } = new Dictionary<string, string>
    {
        ["stats_postgres"] = "MariaDB has no PERCENTILE_DISC aggregate: Sodalite reports percentile as unavailable there (an error), Soda's PostgreSQL run computes it.",
        ["freshness_user_var_fail"] = "MariaDB has no time-zone-aware timestamp type: ts_with_tz is a TIMESTAMP, so its max prints without +00:00 (the freshness values and outcomes are equal).",
    };

    /// <summary>MariaDB's information_schema type names, and PostgreSQL's for the same columns of the acceptance tables.</summary>
    private static readonly Dictionary<string, string> PostgresTypeNames = new()
    {
        ["varchar"] = "character varying",
        ["double"] = "double precision",
        ["int"] = "integer",
        ["date"] = "date",
    };

    public override async Task InitializeAsync()
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
        ConfigPath = WriteConfig($"data_source pg:\n  type: mysql\n  host: 127.0.0.1\n  port: {Server.Port}\n  username: sodalite\n  password: x\n  database: sodalite\n");
    }

    public override void Normalize(JsonObject expected, JsonObject actual)
    {
        AcceptanceCase.RenameCatalogTypes(actual, expected, PostgresTypeNames, ambiguous: "timestamp");
        AcceptanceCase.SortGroupByRows(expected);
        AcceptanceCase.SortGroupByRows(actual);
    }

    public override Task DisposeAsync() => Server.DisposeAsync();
}

public class MariaDbConformance(MariaDbEngine engine) : ConformanceSuite<MariaDbEngine>(engine), IClassFixture<MariaDbEngine>;
