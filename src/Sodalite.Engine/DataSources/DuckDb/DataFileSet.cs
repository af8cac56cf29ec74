// The tables a DuckDB data source reads from files: the files and folders it names (`path:`, `files:`, `--data`), resolved into one
// table per file, with what is wrong with the others. A problem costs only the file it is about: the other files are still tables.
namespace Sodalite.Engine.DataSources.DuckDb;

/// <summary>
/// What a DuckDB data source's files resolve to: the <see cref="Tables"/> to read, and the <see cref="Errors"/> (a missing file or
/// folder, an unsupported file named on purpose, two files that would be the same table) and <see cref="Warnings"/> (a file in a
/// folder that is not a data file) met on the way. Each message names the file and says what to do.
/// </summary>
public sealed record DataFileSet(IReadOnlyList<DataFileTable> Tables, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Resolves files and folders into tables. An input with a table name (<c>files: {orders: data/orders.csv}</c>) is that table; one
    /// without is a file named after its stem, or a folder whose data files (not its subfolders) each are a table named after its stem.
    /// Table names are compared as DuckDB compares identifiers (ignoring case): two different files that would be the same table are
    /// an error, and neither is read, so that no check reads the wrong one. The same file named twice is read once.
    /// </summary>
    /// <param name="inputs">The files and folders, in the order given; relative paths are read from the working folder.</param>
    public static DataFileSet Resolve(IEnumerable<(string? Table, string Path)> inputs)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var candidates = new List<DataFileTable>();
        foreach (var (table, path) in inputs)
        {
            if (Directory.Exists(path))
            {
                if (table is not null)
                {
                    errors.Add($"{path} (table \"{table}\" under files:) is a folder: name one file for a table, or give the folder as path: to read each of its files as a table.");
                    continue;
                }
                AddFolder(path, candidates, errors, warnings);
            }
            else if (File.Exists(path))
            {
                if (DataFileTable.IsDataFile(path)) candidates.Add(new DataFileTable(table ?? DataFileTable.StemOf(path), path));
                else errors.Add(NotADataFile(path));
            }
            else if (EndsWithSeparator(path) || (table is null && !Path.HasExtension(path)))
                errors.Add($"Data folder not found: {path} (relative paths are read from {Environment.CurrentDirectory}). Check the path.");
            else
                errors.Add($"Data file not found: {path} (relative paths are read from {Environment.CurrentDirectory}). Check the path, or remove the file from the data source.");
        }

        // One table per name: the same file named twice is read once; two files under one name are an error and neither is read.
        var tables = new List<DataFileTable>();
        foreach (var group in candidates.GroupBy(c => c.Table, StringComparer.OrdinalIgnoreCase))
        {
            var files = group.DistinctBy(c => Path.GetFullPath(c.Path), StringComparer.Ordinal).ToList();
            if (files.Count == 1)
            {
                tables.Add(files[0]);
                continue;
            }
            string name = group.Key;
            errors.Add($"{string.Join(files.Count == 2 ? " and " : ", ", files.Select(f => f.Path))} would {(files.Count == 2 ? "both" : "all")} be table \"{name}\", so none of them is read. Rename the files apart, "
                       + $"or name their tables under files: (files: {{{string.Join(", ", files.Select((f, i) => $"{name}{(i == 0 ? "" : $"_{i + 1}")}: {f.Path}"))}}}).");
        }
        return new DataFileSet(tables, errors, warnings);
    }

    private static void AddFolder(string folder, List<DataFileTable> candidates, List<string> errors, List<string> warnings)
    {
        int before = candidates.Count;
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
            {
                string name = Path.GetFileName(entry);
                if (name.StartsWith('.')) continue;
                if (Directory.Exists(entry))
                    warnings.Add($"Skipped folder {entry} in data folder {folder}: subfolders are not read. Give it its own path, or name its files under files:.");
                else if (DataFileTable.IsDataFile(entry))
                    candidates.Add(new DataFileTable(DataFileTable.StemOf(entry), entry));
                else
                    warnings.Add($"Skipped {entry} in data folder {folder}: only files named {DataFileTable.ExtensionList} are read as tables.");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"Could not list data folder {folder}: {e.Message}");
            return;
        }
        if (candidates.Count == before)
            errors.Add($"Data folder {folder} holds no data file (named {DataFileTable.ExtensionList}): add them there, or point path: at the folder that holds them.");
    }

    private static string NotADataFile(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        string hint = ext is ".duckdb" or ".db" or ".ddb"
            ? $"; a DuckDB database is scanned on its own (path: {path}, with no other files)"
            : "; export it to one of these, or rename it if it is one";
        return $"{path} is not a data file: only files named {DataFileTable.ExtensionList} are read as tables{hint}.";
    }

    private static bool EndsWithSeparator(string path) =>
        path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith(Path.AltDirectorySeparatorChar);
}
