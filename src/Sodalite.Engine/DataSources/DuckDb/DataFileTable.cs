// One CSV, Parquet or JSON file that a DuckDB data source reads as a table, and how DuckDB reads it.
namespace Sodalite.Engine.DataSources.DuckDb;

/// <summary>
/// A data file read as table <see cref="Table"/>: a view over the file (Parquet is always read in place), or, for a text file that
/// a plan reads often enough, a table it is parsed into once (see <see cref="DataSource.TextFileInPlacePasses"/>).
/// </summary>
/// <param name="Table">The table name the checks use: the file's stem, or the name given under <c>files:</c>.</param>
/// <param name="Path">The file, as given (relative paths are read from the working folder, as DuckDB reads them).</param>
public sealed record DataFileTable(string Table, string Path)
{
    /// <summary>The file name endings read as data files: CSV (<c>.csv</c>, <c>.tsv</c>), Parquet, JSON (<c>.json</c>, <c>.ndjson</c>, <c>.jsonl</c>).</summary>
    public static readonly IReadOnlyList<string> Extensions = [".csv", ".tsv", ".parquet", ".json", ".ndjson", ".jsonl"];

    /// <summary>The endings as a user reads them in a message.</summary>
    public static string ExtensionList => string.Join(", ", Extensions.Take(Extensions.Count - 1)) + " or " + Extensions[^1];

    /// <summary>True when <paramref name="path"/> names a file read as a table (by its ending, in any case).</summary>
    public static bool IsDataFile(string path) => Extensions.Contains(System.IO.Path.GetExtension(path).ToLowerInvariant());

    /// <summary>The table name a file takes when none is given: its name without the ending (<c>data/orders.csv</c> is <c>orders</c>).</summary>
    public static string StemOf(string path) => System.IO.Path.GetFileNameWithoutExtension(path);

    /// <summary>True for Parquet, which is always read in place (it is columnar and compressed: reading it is cheaper than loading it).</summary>
    public bool IsParquet => System.IO.Path.GetExtension(Path).Equals(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>The DuckDB table function that reads the file, e.g. <c>read_csv_auto('data/orders.csv')</c>.</summary>
    public string ReadSql
    {
        get
        {
            string lit = Path.Replace("'", "''");
            return System.IO.Path.GetExtension(Path).ToLowerInvariant() switch
            {
                ".parquet" => $"read_parquet('{lit}')",
                ".json" or ".ndjson" or ".jsonl" => $"read_json_auto('{lit}')",
                _ => $"read_csv_auto('{lit}')",
            };
        }
    }

    /// <summary>The table name as a quoted DuckDB identifier.</summary>
    public string QuotedTable => $"\"{Table.Replace("\"", "\"\"")}\"";
}
