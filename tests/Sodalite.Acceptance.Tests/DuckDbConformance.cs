// DuckDB under the conformance suite. For the metric-check cases the only difference is type names: in failed-row sample columns
// (DuckDB says double/integer where PostgreSQL says float8/int4) and in schema metrics and schema events (DuckDB's catalog says
// VARCHAR where PostgreSQL's says character varying). Catalog type names are mapped to PostgreSQL's before comparing, and the rows of
// a group by query (which has no ORDER BY) are compared in any order. The user-written SQL of some cases names PostgreSQL's schema
// "public", which the fixture provides as views.
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Sodalite.Acceptance.Tests;

public sealed class DuckDbEngine : ConformanceEngine
{
    private string _dir = "";
    public override string Engine => "DuckDB";

    /// <summary>DuckDB's information_schema type names for the acceptance tables, and PostgreSQL's for the same columns.</summary>
    private static readonly Dictionary<string, string> PostgresTypeNames = new()
    {
        ["VARCHAR"] = "character varying",
        ["DOUBLE"] = "double precision",
        ["INTEGER"] = "integer",
        ["DATE"] = "date",
        ["TIMESTAMP"] = "timestamp without time zone",
        ["TIMESTAMP WITH TIME ZONE"] = "timestamp with time zone",
    };

    public override Task InitializeAsync()
    {
        _dir = Directory.CreateTempSubdirectory("sodalite-acc-duck-").FullName;
        string db = Path.Combine(_dir, "acceptance.duckdb");
        // The acceptance README: PostgreSQL's FLOAT is double precision, DuckDB's is single, so load FLOAT as DOUBLE.
        string sql = File.ReadAllText(Path.Combine(AcceptanceCase.CasesDir, "..", "tables.sql"));
        // The bug-report cases' tables (soda-v3-reports) load as they are.
        sql += "\n" + File.ReadAllText(Path.Combine(AcceptanceCase.ReportsDir, "..", "tables.sql"));
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
        ConfigPath = WriteConfig($"data_source pg:\n  type: duckdb\n  path: {db}\n");
        return Task.CompletedTask;
    }

    public override void Normalize(JsonObject expected, JsonObject actual)
    {
        AcceptanceCase.RenameCatalogTypes(actual, expected, PostgresTypeNames);
        AcceptanceCase.SortGroupByRows(expected);
        AcceptanceCase.SortGroupByRows(actual);
    }

    public override Task DisposeAsync()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

public class DuckDbConformance(DuckDbEngine engine) : ConformanceSuite<DuckDbEngine>(engine), IClassFixture<DuckDbEngine>;

public class DuckDbReports(DuckDbEngine engine) : ReportsSuite<DuckDbEngine>(engine), IClassFixture<DuckDbEngine>;
