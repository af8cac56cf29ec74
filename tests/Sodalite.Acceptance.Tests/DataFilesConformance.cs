// The cases that read two tables (reference checks, row count comparisons) replayed on files: the acceptance tables exported to
// CSV, Parquet and JSON files and scanned as one DuckDB data source, named in four ways (a folder as path:, a files: map, several
// --data files, a --data folder). The results must be Soda's, as on the DuckDB database (the same normalization: DuckDB's
// catalog type names, names-only sample columns).
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Sodalite.Cli;

namespace Sodalite.Acceptance.Tests;

/// <summary>The acceptance tables as data files, in two layouts: one folder, and files spread over folders under other names.</summary>
public sealed class DataFilesFixture : IAsyncLifetime
{
    private string _dir = "";

    /// <summary>A folder holding orders.csv, customers.parquet and rawcustomers.json (and a note that is not a data file).</summary>
    public string Folder { get; private set; } = "";

    /// <summary>The same tables as other files: orders.parquet, customers.csv and rawcustomers as raw_customers.json, in separate folders.</summary>
    public (string Orders, string Customers, string RawCustomers) Spread { get; private set; }

    public Task InitializeAsync()
    {
        _dir = Directory.CreateTempSubdirectory("sodalite-acc-files-").FullName;
        Folder = Directory.CreateDirectory(Path.Combine(_dir, "data")).FullName;
        string other = Directory.CreateDirectory(Path.Combine(_dir, "other")).FullName;
        string more = Directory.CreateDirectory(Path.Combine(_dir, "more")).FullName;
        Spread = (Path.Combine(other, "orders.parquet"), Path.Combine(more, "customers.csv"), Path.Combine(more, "raw_customers.json"));
        // As DuckDbEngine loads them: PostgreSQL's FLOAT is DuckDB's DOUBLE.
        string sql = File.ReadAllText(Path.Combine(AcceptanceCase.CasesDir, "..", "tables.sql"));
        sql = Regex.Replace(sql, @"^drop table.*$", "", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        sql = Regex.Replace(sql, @"\bFLOAT\b", "DOUBLE");
        string Lit(string path) => "'" + path.Replace("'", "''") + "'";
        sql += $"""

            COPY orders TO {Lit(Path.Combine(Folder, "orders.csv"))} (HEADER);
            COPY customers TO {Lit(Path.Combine(Folder, "customers.parquet"))} (FORMAT PARQUET);
            COPY rawcustomers TO {Lit(Path.Combine(Folder, "rawcustomers.json"))} (FORMAT JSON);
            COPY orders TO {Lit(Spread.Orders)} (FORMAT PARQUET);
            COPY customers TO {Lit(Spread.Customers)} (HEADER);
            COPY rawcustomers TO {Lit(Spread.RawCustomers)} (FORMAT JSON);
            """;
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        File.WriteAllText(Path.Combine(Folder, "README.md"), "The acceptance tables as files.\n");
        return Task.CompletedTask;
    }

    /// <summary>A configuration.yml whose data source "pg" is <paramref name="dataSourceBody"/> (indented keys).</summary>
    public string Config(string dataSourceBody)
    {
        string path = Path.Combine(_dir, $"cfg-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, "data_source pg:\n  type: duckdb\n" + dataSourceBody);
        return path;
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

public class DataFilesConformance(DataFilesFixture files) : IClassFixture<DataFilesFixture>
{
    /// <summary>The recorded cases whose checks read two tables: reference checks and row count comparisons.</summary>
    public static TheoryData<string> TwoTableCases => new("reference_fail", "reference_multi_fail", "reference_not_fail", "row_count_same_as_filters");

    private static void Normalize(JsonObject expected, JsonObject actual)
    {
        AcceptanceCase.RenameCatalogTypes(actual, expected, new Dictionary<string, string> { ["VARCHAR"] = "character varying" });
        AcceptanceCase.SortGroupByRows(expected);
        AcceptanceCase.SortGroupByRows(actual);
    }

    private static void AssertMatches(string name, string? diffs) => Assert.True(diffs is null, $"{name}: {diffs}");

    [Theory]
    [MemberData(nameof(TwoTableCases))]
    public async Task A_folder_data_source_answers_the_case_as_soda(string name)
    {
        string config = files.Config($"  path: {files.Folder}/\n");
        AssertMatches(name, await AcceptanceCase.ReplayAsync(name, config, Normalize, sampleColumnTypes: false));
    }

    [Theory]
    [MemberData(nameof(TwoTableCases))]
    public async Task A_files_map_data_source_answers_the_case_as_soda(string name)
    {
        var (orders, customers, raw) = files.Spread;
        string config = files.Config($"  files:\n    orders: {orders}\n    customers: {customers}\n    rawcustomers: {raw}\n");
        AssertMatches(name, await AcceptanceCase.ReplayAsync(name, config, Normalize, sampleColumnTypes: false));
    }

    [Theory]
    [MemberData(nameof(TwoTableCases))]
    public async Task Several_data_files_answer_the_case_as_soda(string name)
    {
        var (orders, customers, _) = files.Spread;
        // orders.parquet and customers.csv from the spread layout, rawcustomers.json from the folder.
        AssertMatches(name, await ScanWithCliAsync(name, "--data", orders, "--data", customers, "--data", Path.Combine(files.Folder, "rawcustomers.json")));
    }

    [Theory]
    [MemberData(nameof(TwoTableCases))]
    public async Task A_data_folder_answers_the_case_as_soda(string name) =>
        AssertMatches(name, await ScanWithCliAsync(name, "--data", files.Folder));

    [Theory]
    [MemberData(nameof(TwoTableCases))]
    public async Task The_dry_run_plan_of_a_folder_data_source_lists_every_query_the_run_makes(string name)
    {
        var diffs = await DryRunPlan.CompareWithRunAsync(new Sodalite.Engine.ScanOptions
        {
            DataSourceName = "pg",
            DataPaths = [files.Folder],
            CheckPaths = [Path.Combine(AcceptanceCase.CaseDir(name), "checks.yml")],
            Variables = AcceptanceCase.Vars(name),
        });
        Assert.True(diffs.Count == 0, string.Join("\n", diffs));
    }

    /// <summary>Runs `sodalite scan -d pg ARGS checks.yml -srf results.json` and compares the results file with Soda's.</summary>
    private static async Task<string?> ScanWithCliAsync(string name, params string[] dataArgs)
    {
        string dir = AcceptanceCase.CaseDir(name);
        string results = Path.Combine(Directory.CreateTempSubdirectory("sodalite-acc-files-run-").FullName, "results.json");
        try
        {
            var args = new List<string> { "scan", "-d", "pg" };
            args.AddRange(dataArgs);
            foreach (var (k, v) in AcceptanceCase.Vars(name)) args.AddRange(["-v", $"{k}={v}"]);
            args.AddRange([Path.Combine(dir, "checks.yml"), "-srf", results, "--no-history"]);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit = await SodaliteCli.RunAsync([.. args], stdout, stderr);
            if (!File.Exists(results)) return $"no results file (exit {exit}):\n{stdout}\n{stderr}";
            var expected = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")))!;
            var actual = (JsonObject)JsonNode.Parse(File.ReadAllText(results))!;
            int expectedExit = int.Parse(File.ReadAllText(Path.Combine(dir, "exit_code")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Normalize(expected, actual);
            var diffs = AcceptanceCase.Compare(expected, actual, expectedExit, exit, sampleColumnTypes: false);
            return diffs.Count == 0 ? null : string.Join("\n", diffs) + "\noutput:\n" + stdout + stderr;
        }
        finally
        {
            try { Directory.Delete(Path.GetDirectoryName(results)!, recursive: true); } catch (IOException) { }
        }
    }
}
