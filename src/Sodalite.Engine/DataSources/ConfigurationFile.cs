// Reads configuration.yml files: `data_source NAME:` blocks, variables resolved over the whole text first. Each block is checked
// against DataSourceSchema as a check's configuration is: an unknown key, a value of the wrong shape or an invalid value is an
// error naming the file, line, column, key and what is accepted, and the data source is then not used (never a silent default).
using System.Globalization;
using System.Text.RegularExpressions;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Variables;
using Sodalite.SodaCL.Yaml;
using YamlDotNet.RepresentationModel;

namespace Sodalite.Engine.DataSources;

public static partial class ConfigurationFile
{
    /// <summary>
    /// The data sources of one configuration file, by name. Problems are logged with their location; a data source with one is
    /// returned with <see cref="DataSourceConfig.HasErrors"/> set, so that a scan names it instead of connecting with a guess.
    /// </summary>
    public static Dictionary<string, DataSourceConfig> Read(string path, Jinja jinja, ScanLogger log, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        var result = new Dictionary<string, DataSourceConfig>();
        string text;
        try
        {
            if (Directory.Exists(path))
            {
                log.Error($"Could not read configuration file {path}: it is a folder; pass the configuration.yml inside it with -c.");
                return result;
            }
            long size = new FileInfo(path).Length;
            if (size > limits.MaxFileBytes)
            {
                log.Error($"Could not read configuration file {path}: {size:N0} bytes is more than the limit of {limits.MaxFileBytes:N0} (--max-file-size).");
                return result;
            }
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            log.Error($"Could not read configuration file {path}: {e.Message}");
            return result;
        }
        // Soda renders the whole file with Jinja (blocks included) before reading it as YAML.
        try
        {
            text = jinja.Resolve(text);
        }
        catch (JinjaException e)
        {
            log.Error($"Could not render configuration file {path} with Jinja: {e.Message}", new SourceLocation(path, Math.Max(1, e.Line), Math.Max(1, e.Column)));
            return result;
        }
        var (rootNode, problem) = SafeYaml.Load(text, limits);
        if (problem is not null)
        {
            log.Error(problem.Message, new SourceLocation(path, problem.Line, problem.Col));
            return result;
        }
        if (rootNode is null || rootNode is YamlScalarNode { Value: null or "" or "~" or "null" }) return result;
        if (rootNode is not YamlMappingNode root)
        {
            log.Error($"The configuration file {path} must be a mapping of 'data_source NAME:' blocks.", Loc(path, rootNode));
            return result;
        }
        foreach (var (k, v) in root.Children)
        {
            string header = (k as YamlScalarNode)?.Value ?? "";
            var loc = Loc(path, k);
            var m = DataSourceHeader().Match(header);
            if (!m.Success)
            {
                if (header is "soda_cloud" or "dbt_cloud") continue;
                log.Error($"Invalid configuration header \"{header}\": expected 'data_source NAME:'.", loc);
                continue;
            }
            string name = m.Groups[1].Value;
            if (!NameRegex().IsMatch(name))
            {
                log.Error($"Invalid data source name \"{name}\": use lowercase letters, digits and underscores, starting with a letter.", loc);
                continue;
            }
            if (v is not YamlMappingNode body)
            {
                log.Error($"Data source \"{name}\" must be a mapping with at least 'type'.", loc);
                continue;
            }
            // Soda merges a legacy nested 'connection:' mapping one level up.
            var entries = new List<(YamlNode Key, YamlNode Value)>();
            foreach (var (sk, sv) in body.Children)
            {
                if ((sk as YamlScalarNode)?.Value == "connection" && sv is YamlMappingNode conn)
                    entries.AddRange(conn.Children.Select(p => (p.Key, p.Value)));
                else entries.Add((sk, sv));
            }
            string? type = entries.Where(e => (e.Key as YamlScalarNode)?.Value == "type").Select(e => (e.Value as YamlScalarNode)?.Value).FirstOrDefault();
            if (string.IsNullOrEmpty(type))
            {
                log.Error($"Data source \"{name}\" has no 'type': use duckdb, postgres, mysql (MariaDB) or clickhouse.", loc);
                continue;
            }
            var specs = DataSourceSchema.For(type);
            if (specs is null)
            {
                var typeNode = entries.First(e => (e.Key as YamlScalarNode)?.Value == "type").Value;
                string? close = DataSourceSchema.DidYouMean(type, DataSourceSchema.Types);
                log.Error($"Data source \"{name}\": type \"{type}\" is not supported{(close is null ? "" : $" (did you mean \"{close}\"?)")}; use duckdb, postgres, mysql (MariaDB) or clickhouse.", Loc(path, typeNode));
                result[name] = new DataSourceConfig(name, type, new Dictionary<string, string?>(), path) { HasErrors = true };
                continue;
            }
            int errorsBefore = log.ErrorCount;
            var settings = new Dictionary<string, string?>();
            foreach (var (sk, sv) in entries)
            {
                string key = (sk as YamlScalarNode)?.Value ?? "";
                if (key == "sampler")
                {
                    if (sv is YamlMappingNode sampler)
                        foreach (var (ck, cv) in sampler.Children)
                            ReadSetting(path, name, "sampler.", (ck as YamlScalarNode)?.Value ?? "", ck, cv, DataSourceSchema.Sampler, settings, log);
                    else if (!(sv is YamlScalarNode { Value: null or "" }))
                        log.Error($"Data source \"{name}\": 'sampler' must be a mapping such as 'sampler: {{samples_limit: 20}}'.", Loc(path, sv));
                    continue;
                }
                ReadSetting(path, name, "", key, sk, sv, specs, settings, log);
            }
            bool hasErrors = log.ErrorCount > errorsBefore;
            result[name] = new DataSourceConfig(name, type, settings, path) { HasErrors = hasErrors };
        }
        return result;
    }

    private static void ReadSetting(string path, string name, string prefix, string key, YamlNode keyNode, YamlNode value,
        IReadOnlyDictionary<string, SettingSpec> specs, Dictionary<string, string?> settings, ScanLogger log)
    {
        string shown = prefix + key;
        if (!specs.TryGetValue(key, out var spec))
        {
            string? close = DataSourceSchema.DidYouMean(key, specs.Keys);
            log.Error($"Data source \"{name}\": unknown key '{shown}'{(close is null ? "" : $" (did you mean '{prefix}{close}'?)")}. Accepted keys: {string.Join(", ", specs.Keys.Order(StringComparer.Ordinal))}.",
                Loc(path, keyNode));
            return;
        }
        if (spec.Kind == SettingKind.UnusedMapping)
        {
            if (value is YamlMappingNode or YamlScalarNode { Value: null or "" })
            {
                log.Warning($"Data source \"{name}\": '{shown}' ({spec.Purpose}) is read by Soda but not used by Sodalite{(shown == "sampler.exclude_columns" ? "; samples are disabled for this data source so that no excluded column is shown" : "")}.", Loc(path, keyNode));
                settings[shown] = "set";
            }
            else log.Error($"Data source \"{name}\": '{shown}' must be a mapping, not {Shape(value)}.", Loc(path, value));
            return;
        }
        if (spec.Kind == SettingKind.FileMap)
        {
            ReadFileMap(path, name, shown, value, settings, log);
            return;
        }
        if (value is not YamlScalarNode scalar)
        {
            log.Error($"Data source \"{name}\": '{shown}' ({spec.Purpose}) must be a single value, not {Shape(value)}.", Loc(path, value));
            return;
        }
        string? text = scalar.Value;
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any && text is "" or "~" or "null" or "Null" or "NULL") text = null;
        switch (spec.Kind)
        {
            case SettingKind.Count when text is not null && !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                log.Error($"Data source \"{name}\": '{shown}' ({spec.Purpose}) must be a whole number of 0 or more, not \"{text}\".", Loc(path, value));
                return;
            case SettingKind.Bool when text is not null && !(text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase)):
                log.Error($"Data source \"{name}\": '{shown}' ({spec.Purpose}) must be true or false, not \"{text}\".", Loc(path, value));
                return;
            case SettingKind.Choice when text is not null && !spec.Accepted!.Contains(text):
                string? close = DataSourceSchema.DidYouMean(text, spec.Accepted!);
                log.Error($"Data source \"{name}\": '{shown}' is \"{text}\"{(close is null ? "" : $" (did you mean \"{close}\"?)")}; accepted values: {string.Join(", ", spec.Accepted!)}.", Loc(path, value));
                return;
            case SettingKind.Unused:
                log.Warning($"Data source \"{name}\": '{shown}' ({spec.Purpose}) is read by Soda but not used by Sodalite.", Loc(path, keyNode));
                break;
        }
        settings[shown] = spec.Kind == SettingKind.Bool && text is not null ? text.ToLowerInvariant() : text;
    }

    /// <summary>A <c>files:</c> mapping of table names to file paths, kept as <c>files.TABLE</c> settings.</summary>
    private static void ReadFileMap(string path, string name, string shown, YamlNode value, Dictionary<string, string?> settings, ScanLogger log)
    {
        if (value is not YamlMappingNode map)
        {
            log.Error($"Data source \"{name}\": '{shown}' must be a mapping of table names to files, such as '{shown}: {{orders: data/orders.csv, customers: data/customers.parquet}}', not {Shape(value)}.", Loc(path, value));
            return;
        }
        foreach (var (tk, tv) in map.Children)
        {
            string? table = (tk as YamlScalarNode)?.Value;
            string? file = (tv as YamlScalarNode)?.Value;
            if (string.IsNullOrWhiteSpace(table))
                log.Error($"Data source \"{name}\": each key of '{shown}' is a table name, such as 'orders: data/orders.csv'.", Loc(path, tk));
            else if (string.IsNullOrWhiteSpace(file) || tv is not YamlScalarNode)
                log.Error($"Data source \"{name}\": table \"{table}\" under '{shown}' needs one file path, such as '{table}: data/{table}.csv'.", Loc(path, tv));
            else
                settings[DataSourceConfig.FilesPrefix + table] = file;
        }
    }

    private static string Shape(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "a single value",
    };

    private static SourceLocation Loc(string path, YamlNode node) => new(path, (int)node.Start.Line, (int)node.Start.Column);

    [GeneratedRegex(@"^data_source (.+)$")]
    private static partial Regex DataSourceHeader();

    [GeneratedRegex(@"^[a-z_][a-z_0-9]+$")]
    private static partial Regex NameRegex();
}
