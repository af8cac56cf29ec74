// What `sodalite pack run` scans: a QALITA worker's source_conf.json (spec/qalita.md §1.1, §2.8) turned into one Sodalite data
// source block named `qalita` (the data source name the QALITA soda pack gives Soda) and the table its checks are about.
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sodalite.Cli.Pack;

/// <summary>A QALITA source mapped to a Sodalite data source: the configuration.yml text, the table, and the dataset label.</summary>
internal sealed record PackSource(string ConfigurationYaml, string Table, string Label)
{
    /// <summary>The data source name in the written configuration, as in QALITA's soda pack.</summary>
    public const string DataSourceName = "qalita";

    private static readonly string[] FileTypes = ["file", "csv", "parquet", "json"];

    /// <summary>
    /// Maps <paramref name="source"/> (the parsed source_conf.json) with the pack's samples limit; on a missing or unusable field,
    /// null and a message that names the field.
    /// </summary>
    public static PackSource? Map(JsonElement source, int? samplesLimit, Func<string, string?> env, out string? error)
    {
        error = null;
        if (source.ValueKind != JsonValueKind.Object)
        {
            error = "source_conf.json is not a JSON object (the worker writes one source entry of sources-conf.yaml).";
            return null;
        }
        string? type = Text(source, "type")?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(type))
        {
            error = "source_conf.json has no \"type\" (file, postgresql, mysql, mariadb, clickhouse or duckdb).";
            return null;
        }
        string name = Text(source, "name") ?? "";
        var config = source.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        if (config.ValueKind != JsonValueKind.Object)
        {
            error = $"source_conf.json has no \"config\" object: a {type} source needs its connection settings there.";
            return null;
        }
        var yaml = new StringBuilder($"data_source {DataSourceName}:\n");
        string table;
        switch (type)
        {
            case var t when FileTypes.Contains(t) || t == "duckdb":
                {
                    string? path = Setting(config, "path", env, ref error) ?? (t == "duckdb" ? Setting(config, "database", env, ref error) : null);
                    if (error is not null) return null;
                    if (string.IsNullOrEmpty(path))
                    {
                        error = $"source_conf.json: config.path is missing: a {type} source needs the path of the {(t == "duckdb" ? ".duckdb database" : "file")} to scan.";
                        return null;
                    }
                    if (Directory.Exists(path))
                    {
                        error = $"source_conf.json: config.path \"{path}\" is a folder: Sodalite's pack scans one file (CSV, Parquet, JSON) or one DuckDB database.";
                        return null;
                    }
                    yaml.Append("  type: duckdb\n").Append("  path: ").Append(Quote(path)).Append('\n');
                    if (t == "duckdb")
                    {
                        string? named = TableName(config, type, env, ref error);
                        if (named is null) return null;
                        table = named;
                    }
                    else
                    {
                        // A file is loaded as a table named after its file name (as `sodalite scan --data` does).
                        table = Path.GetFileNameWithoutExtension(path);
                    }
                    break;
                }
            case "postgresql" or "postgres" or "mysql" or "mariadb" or "clickhouse":
                {
                    string engine = type switch { "postgresql" or "postgres" => "postgres", "clickhouse" => "clickhouse", _ => "mysql" };
                    yaml.Append("  type: ").Append(engine).Append('\n');
                    string? host = Setting(config, "host", env, ref error);
                    string? port = Setting(config, "port", env, ref error);
                    string? user = Setting(config, "username", env, ref error) ?? Setting(config, "user", env, ref error);
                    string? password = Setting(config, "password", env, ref error);
                    string? database = Setting(config, "database", env, ref error);
                    string? schema = Setting(config, "schema", env, ref error);
                    if (error is not null) return null;
                    if (string.IsNullOrEmpty(host))
                    {
                        error = $"source_conf.json: config.host is missing: a {type} source needs the server's host name.";
                        return null;
                    }
                    if (string.IsNullOrEmpty(database) && engine != "clickhouse")
                    {
                        error = $"source_conf.json: config.database is missing: a {type} source needs the database to connect to.";
                        return null;
                    }
                    if (!string.IsNullOrEmpty(port) && !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    {
                        error = $"source_conf.json: config.port is \"{port}\", not a port number.";
                        return null;
                    }
                    string? named = TableName(config, type, env, ref error);
                    if (named is null) return null;
                    table = named;
                    yaml.Append("  host: ").Append(Quote(host)).Append('\n');
                    if (!string.IsNullOrEmpty(port)) yaml.Append("  port: ").Append(port).Append('\n');
                    if (!string.IsNullOrEmpty(user)) yaml.Append("  username: ").Append(Quote(user)).Append('\n');
                    if (password is not null) yaml.Append("  password: ").Append(Quote(password)).Append('\n');
                    if (!string.IsNullOrEmpty(database)) yaml.Append("  database: ").Append(Quote(database)).Append('\n');
                    if (!string.IsNullOrEmpty(schema) && engine == "postgres") yaml.Append("  schema: ").Append(Quote(schema)).Append('\n');
                    break;
                }
            default:
                error = $"source_conf.json: type \"{type}\" is not a source Sodalite scans: use file (CSV, Parquet, JSON), duckdb, postgresql, mysql, mariadb or clickhouse.";
                return null;
        }
        if (samplesLimit is { } limit) yaml.Append("  sampler:\n    samples_limit: ").Append(limit.ToString(CultureInfo.InvariantCulture)).Append('\n');
        // The soda pack labels a single-object source with the source's name, else with the table.
        return new PackSource(yaml.ToString(), table, string.IsNullOrWhiteSpace(name) ? table : name);
    }

    /// <summary>The one table a database source names in config.table_or_query (or config.table).</summary>
    private static string? TableName(JsonElement config, string type, Func<string, string?> env, ref string? error)
    {
        string field = config.TryGetProperty("table_or_query", out _) ? "table_or_query" : "table";
        if (config.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            error = $"source_conf.json: config.{field} lists several tables: Sodalite's pack scans one table per source; name one.";
            return null;
        }
        string? table = Setting(config, field, env, ref error);
        if (error is not null) return null;
        if (string.IsNullOrWhiteSpace(table) || table.Trim() == "*")
        {
            error = $"source_conf.json: config.table_or_query is missing: a {type} source needs the table to check (e.g. \"public.orders\" or \"orders\").";
            return null;
        }
        table = table.Trim();
        if (table.Any(char.IsWhiteSpace))
        {
            error = $"source_conf.json: config.{field} \"{OneLine(table)}\" looks like a query: Sodalite's pack checks a table; name the table (a view can hold the query).";
            return null;
        }
        return table;
    }

    /// <summary>
    /// A setting of config as text (numbers and booleans as written). A value "$NAME" or "${NAME}" is read from the environment, as
    /// the QALITA worker resolves database settings; an unset variable is an error naming the field.
    /// </summary>
    private static string? Setting(JsonElement config, string key, Func<string, string?> env, ref string? error)
    {
        if (error is not null || !config.TryGetProperty(key, out var v)) return null;
        string? text = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        };
        if (text is ['$', ..])
        {
            string variable = text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}') ? text[2..^1] : text[1..];
            if (variable.Length > 0 && variable.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            {
                text = env(variable);
                if (text is null) error = $"source_conf.json: config.{key} is ${variable}, but the environment variable {variable} is not set.";
            }
        }
        return text;
    }

    private static string? Text(JsonElement o, string key) =>
        o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A YAML double-quoted scalar (JSON's string escapes are valid YAML).</summary>
    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static string OneLine(string text) => string.Join(" ", text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
