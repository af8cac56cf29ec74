// A data source from configuration.yml (spec/sodacl.md §6.2), variables already resolved.
namespace Sodalite.Engine.DataSources;

public sealed record DataSourceConfig(string Name, string Type, IReadOnlyDictionary<string, string?> Settings, string? FilePath = null)
{
    /// <summary>True when configuration.yml gave this data source an unknown key or an invalid value (logged where it was read).</summary>
    public bool HasErrors { get; init; }

    public string? Get(string key) => Settings.TryGetValue(key, out var v) ? v : null;

    /// <summary>A whole-number setting (port, timeout), or <paramref name="fallback"/> when it is not set; anything else is an error naming it.</summary>
    public int GetInt(string key, int fallback)
    {
        string? text = Get(key);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value)) return value;
        throw new FormatException($"{key} of data source \"{Name}\"{(FilePath is null ? "" : $" in {FilePath}")} is \"{text}\", not a whole number.");
    }

    /// <summary>
    /// More files and folders a DuckDB data source reads as tables, beside <c>path</c> (the --data shortcut's second and later
    /// ones): each file a table named after its stem, each folder one table per data file in it.
    /// </summary>
    public IReadOnlyList<string> FilePaths { get; init; } = [];

    /// <summary>Prefix of the settings that hold a DuckDB data source's <c>files:</c> mapping (<c>files.orders</c> = its path).</summary>
    public const string FilesPrefix = "files.";

    /// <summary>A DuckDB data source's <c>files:</c> mapping: each table name and the file it is read from, in the order given.</summary>
    public IEnumerable<(string Table, string Path)> Files =>
        Settings.Where(s => s.Key.StartsWith(FilesPrefix, StringComparison.Ordinal) && s.Value is not null)
            .Select(s => (s.Key[FilesPrefix.Length..], s.Value!));

    /// <summary>The configuration the --data shortcut makes for one file or folder, named after its stem.</summary>
    public static DataSourceConfig ForFile(string path)
    {
        string stem = Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(path)).ToLowerInvariant();
        string name = new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        if (name.Length == 0 || char.IsAsciiDigit(name[0])) name = "ds_" + name;
        return new DataSourceConfig(name, "duckdb", new Dictionary<string, string?> { ["path"] = path });
    }

    /// <summary>
    /// The configuration the --data shortcut makes for its files and folders: one is <see cref="ForFile"/>; several are one DuckDB
    /// data source named <c>files</c> that reads each of them (see <see cref="FilePaths"/>).
    /// </summary>
    public static DataSourceConfig ForFiles(IReadOnlyList<string> paths) =>
        paths.Count == 1 ? ForFile(paths[0])
        : ForFile(paths[0]) with { Name = "files", FilePaths = [.. paths.Skip(1)] };
}
