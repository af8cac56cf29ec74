// A throwaway DuckDB database with every table the fuzz corpus names (the acceptance tables of soda-v3 and soda-v3-reports, loaded
// as the DuckDB conformance suite loads them, and the retail sample as "retail"), and the configuration.yml that points at it.
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Sodalite.TestSupport;

namespace Sodalite.Cli.Tests.Fuzzing;

internal sealed class FuzzDatabase : IDisposable
{
    private readonly DuckDBConnection _keepOpen;

    public string Folder { get; }
    public string ConfigurationPath { get; }

    public FuzzDatabase()
    {
        Folder = System.IO.Directory.CreateTempSubdirectory("sodalite-fuzz-").FullName;
        string db = Path.Combine(Folder, "fuzz.duckdb");
        string sql = File.ReadAllText(Path.Combine(RepoPaths.Acceptance, "soda-v3", "tables.sql")) + "\n" +
                     File.ReadAllText(Path.Combine(RepoPaths.Acceptance, "soda-v3-reports", "tables.sql"));
        sql = Regex.Replace(sql, @"^drop table.*$", "", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        // PostgreSQL's FLOAT is double precision, DuckDB's is single (the acceptance README).
        sql = Regex.Replace(sql, @"\bFLOAT\b", "DOUBLE");
        string retail = Path.Combine(RepoPaths.Repo, "samples", "retail", "retail.csv").Replace("'", "''");
        sql += $"\nCREATE TABLE retail AS SELECT * FROM read_csv_auto('{retail}');" +
               "\nCREATE SCHEMA public; CREATE VIEW public.customers AS SELECT * FROM main.customers;" +
               " CREATE VIEW public.rawcustomers AS SELECT * FROM main.rawcustomers; CREATE VIEW public.orders AS SELECT * FROM main.orders;";
        // Held open for the whole run: DuckDB.NET shares one database instance among a process's connections to a file, so each
        // scan's connection joins it instead of opening the file again (about 3 times faster per input).
        _keepOpen = new DuckDBConnection($"Data Source={db}");
        _keepOpen.Open();
        using (var command = _keepOpen.CreateCommand())
        {
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        ConfigurationPath = Path.Combine(Folder, "configuration.yml");
        File.WriteAllText(ConfigurationPath, $"data_source pg:\n  type: duckdb\n  path: {db}\n");
    }

    /// <summary>Copies the database, and a configuration.yml that points at the copy, into <paramref name="folder"/> (for reproducing by hand).</summary>
    public void SaveCopy(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        using (var command = _keepOpen.CreateCommand())
        {
            command.CommandText = "CHECKPOINT";
            command.ExecuteNonQuery();
        }
        string copy = Path.Combine(folder, "fuzz.duckdb");
        File.Copy(Path.Combine(Folder, "fuzz.duckdb"), copy, overwrite: true);
        File.WriteAllText(Path.Combine(folder, "configuration.yml"), $"data_source pg:\n  type: duckdb\n  path: {copy}\n");
    }

    public void Dispose()
    {
        _keepOpen.Dispose();
        try { System.IO.Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
