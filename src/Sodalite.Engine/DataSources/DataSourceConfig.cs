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

    /// <summary>The configuration the --data shortcut makes for one file.</summary>
    public static DataSourceConfig ForFile(string path)
    {
        string stem = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        string name = new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        if (name.Length == 0 || char.IsAsciiDigit(name[0])) name = "ds_" + name;
        return new DataSourceConfig(name, "duckdb", new Dictionary<string, string?> { ["path"] = path });
    }
}
