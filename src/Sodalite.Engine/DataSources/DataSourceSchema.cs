// The keys a `data_source NAME:` block of configuration.yml may hold, per type, and the shape of each value: what Soda Core's
// data sources read (spec/sodacl.md §6.2; soda/core/soda/execution/data_source.py and each data source's constructor), plus
// Sodalite's own (query_timeout, secure, ca_certificate). Keys Soda reads that Sodalite does not use are accepted with a warning.
namespace Sodalite.Engine.DataSources;

/// <summary>Accepted keys of data source blocks, by type.</summary>
public static class DataSourceSchema
{
    /// <summary>The data source types Sodalite connects to.</summary>
    public static readonly IReadOnlyList<string> Types = ["duckdb", "postgres", "postgresql", "mysql", "mariadb", "clickhouse"];

    /// <summary>PostgreSQL's sslmode values (libpq's), as Soda passes them on.</summary>
    public static readonly IReadOnlyList<string> SslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"];

    private static readonly Dictionary<string, SettingSpec> Common = new()
    {
        ["type"] = new(SettingKind.Text, "the engine"),
        ["schema"] = new(SettingKind.Text, "the schema tables are in"),
        ["database"] = new(SettingKind.Text, "the database"),
        ["disable_samples"] = new(SettingKind.Bool, "no failed-row samples"),
        ["connection_type"] = new(SettingKind.Unused, "Soda's connection type"),
        ["connection_parameters"] = new(SettingKind.UnusedMapping, "extra driver parameters"),
        ["quote_tables"] = new(SettingKind.Unused, "quoting of table names"),
    };

    private static readonly Dictionary<string, SettingSpec> Server = new()
    {
        ["host"] = new(SettingKind.Text, "the server's host name"),
        ["port"] = new(SettingKind.Count, "the server's port"),
        ["username"] = new(SettingKind.Text, "the user"),
        ["user"] = new(SettingKind.Text, "the user"),
        ["password"] = new(SettingKind.Text, "the password"),
        ["connection_timeout"] = new(SettingKind.Count, "seconds to wait for a connection"),
        ["query_timeout"] = new(SettingKind.Count, "seconds a query may take (default: no limit)"),
    };

    private static readonly Dictionary<string, Dictionary<string, SettingSpec>> ByType = new()
    {
        ["duckdb"] = new()
        {
            ["path"] = new(SettingKind.Text, "a .duckdb database, a .csv/.parquet/.json file, or a folder of them"),
            ["files"] = new(SettingKind.FileMap, "tables read from files, e.g. {orders: data/orders.csv}"),
            ["read_only"] = new(SettingKind.Bool, "open the database read-only"),
            ["configuration"] = new(SettingKind.UnusedMapping, "DuckDB settings"),
        },
        ["postgres"] = new(Server) { ["sslmode"] = new(SettingKind.Choice, "TLS", SslModes) },
        ["mysql"] = new(Server),
        ["clickhouse"] = new(Server)
        {
            ["secure"] = new(SettingKind.Bool, "https"),
            ["ca_certificate"] = new(SettingKind.Text, "a private CA's certificate file"),
        },
    };

    /// <summary>The keys of a <c>sampler:</c> mapping.</summary>
    public static readonly IReadOnlyDictionary<string, SettingSpec> Sampler = new Dictionary<string, SettingSpec>
    {
        ["disable_samples"] = new(SettingKind.Bool, "no failed-row samples"),
        ["samples_limit"] = new(SettingKind.Count, "failed-row samples per check (0 disables)"),
        ["exclude_columns"] = new(SettingKind.UnusedMapping, "columns left out of samples"),
        ["storage"] = new(SettingKind.UnusedMapping, "where samples are sent"),
    };

    /// <summary>The keys accepted for a data source of <paramref name="type"/> (null for an unknown type).</summary>
    public static IReadOnlyDictionary<string, SettingSpec>? For(string type)
    {
        string key = type switch { "postgresql" => "postgres", "mariadb" => "mysql", _ => type };
        if (!ByType.TryGetValue(key, out var specific)) return null;
        var all = new Dictionary<string, SettingSpec>(Common);
        foreach (var (k, v) in specific) all[k] = v;
        return all;
    }

    /// <summary>The closest of <paramref name="candidates"/> to <paramref name="text"/> within a small edit distance, or null.</summary>
    public static string? DidYouMean(string text, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            int d = Sodalite.SodaCL.Diagnostics.EditDistance.Between(text, c);
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return bestDistance <= Math.Max(2, text.Length / 3) ? best : null;
    }
}
