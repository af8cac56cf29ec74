// Replays the recorded Soda Core 3.5.6 runs on DuckDB: the same tables, the same checks, compared with
// what Soda wrote for PostgreSQL. Where DuckDB cannot give PostgreSQL's answer, the difference is listed
// here with its reason and only that part of the comparison is relaxed. For the metric-check cases the only
// difference is type names: in failed-row sample columns (DuckDB says double/integer where PostgreSQL says
// float8/int4) and in schema metrics and schema events (DuckDB's catalog says VARCHAR where PostgreSQL's says
// character varying). Catalog type names are mapped to PostgreSQL's before comparing, and the rows of a group by
// query (which has no ORDER BY) are compared in any order; values, outcomes, identities and the rest of the
// diagnostics are compared as they are. The user-written SQL of some cases names PostgreSQL's schema "public",
// which the fixture provides as views.
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Sodalite.Acceptance.Tests;

public sealed class DuckDbAcceptanceFixture : IDisposable
{
    public string Directory { get; }
    public string ConfigPath { get; }

    public DuckDbAcceptanceFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("sodalite-acc-duck-").FullName;
        string db = Path.Combine(Directory, "acceptance.duckdb");
        // The acceptance README: PostgreSQL's FLOAT is double precision, DuckDB's is single, so load FLOAT as DOUBLE.
        string sql = File.ReadAllText(Path.Combine(AcceptanceCase.CasesDir, "..", "tables.sql"));
        sql = Regex.Replace(sql, @"^drop table.*$", "", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        sql = Regex.Replace(sql, @"\bFLOAT\b", "DOUBLE");
        // The user-written SQL of some cases (X query, fail query) names PostgreSQL's schema "public"; DuckDB's is "main".
        sql += "\nCREATE SCHEMA public; CREATE VIEW public.customers AS SELECT * FROM main.customers;" +
               " CREATE VIEW public.rawcustomers AS SELECT * FROM main.rawcustomers; CREATE VIEW public.orders AS SELECT * FROM main.orders;";
        using (var connection = new DuckDBConnection($"Data Source={db}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        // Named "pg" like the recorded data source, since the name is part of check identities v2/v3.
        ConfigPath = Path.Combine(Directory, "cfg.yml");
        File.WriteAllText(ConfigPath, $"data_source pg:\n  type: duckdb\n  path: {db}\n");
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}

public class DuckDbAcceptanceTests(DuckDbAcceptanceFixture duck) : IClassFixture<DuckDbAcceptanceFixture>
{
    /// <summary>DuckDB's information_schema type names for the acceptance tables, and PostgreSQL's for the same columns.</summary>
    private static readonly Dictionary<string, string> PostgresTypeNames = new()
    {
        ["VARCHAR"] = "character varying", ["DOUBLE"] = "double precision", ["INTEGER"] = "integer", ["DATE"] = "date",
        ["TIMESTAMP"] = "timestamp without time zone", ["TIMESTAMP WITH TIME ZONE"] = "timestamp with time zone",
    };

    public static TheoryData<string> Cases => new(AcceptanceCase.Replayed);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Scan_matches_soda_core_on_duckdb(string name)
    {
        // Sample column types are DuckDB's names (double, integer), not PostgreSQL's (float8, int4).
        string? diffs = await AcceptanceCase.ReplayAsync(name, duck.ConfigPath, (expected, actual) =>
        {
            AcceptanceCase.RenameCatalogTypes(actual, expected, PostgresTypeNames);
            AcceptanceCase.SortGroupByRows(expected);
            AcceptanceCase.SortGroupByRows(actual);
        }, sampleColumnTypes: false);
        Assert.True(diffs is null, diffs);
    }
}
