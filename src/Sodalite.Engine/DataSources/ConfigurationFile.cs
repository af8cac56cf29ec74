// Reads configuration.yml files: `data_source NAME:` blocks, variables resolved over the whole text first.
using System.Text.RegularExpressions;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Variables;
using YamlDotNet.RepresentationModel;

namespace Sodalite.Engine.DataSources;

public static partial class ConfigurationFile
{
    public static Dictionary<string, DataSourceConfig> Read(string path, Jinja jinja, ScanLogger log)
    {
        var result = new Dictionary<string, DataSourceConfig>();
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            log.Error($"Could not read configuration file {path}: {e.Message}");
            return result;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(jinja.Resolve(text)));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            log.Error($"YAML syntax error in configuration\n  | {e.InnerException?.Message ?? e.Message}",
                new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column));
            return result;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return result;
        foreach (var (k, v) in root.Children)
        {
            string header = ((YamlScalarNode)k).Value ?? "";
            var loc = new SourceLocation(path, (int)k.Start.Line, (int)k.Start.Column);
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
            var settings = new Dictionary<string, string?>();
            foreach (var (sk, sv) in body.Children)
            {
                string key = ((YamlScalarNode)sk).Value ?? "";
                if (key == "connection" && sv is YamlMappingNode conn)
                {
                    foreach (var (ck, cv) in conn.Children) settings[((YamlScalarNode)ck).Value ?? ""] = (cv as YamlScalarNode)?.Value;
                    continue;
                }
                if (key == "sampler" && sv is YamlMappingNode sampler)
                {
                    foreach (var (ck, cv) in sampler.Children) settings["sampler." + ((YamlScalarNode)ck).Value] = (cv as YamlScalarNode)?.Value;
                    continue;
                }
                settings[key] = (sv as YamlScalarNode)?.Value;
            }
            if (!settings.TryGetValue("type", out var type) || string.IsNullOrEmpty(type))
            {
                log.Error($"Data source \"{name}\" has no 'type': use duckdb, postgres, mysql (MariaDB) or clickhouse.", loc);
                continue;
            }
            result[name] = new DataSourceConfig(name, type, settings, path);
        }
        return result;
    }

    [GeneratedRegex(@"^data_source (.+)$")]
    private static partial Regex DataSourceHeader();

    [GeneratedRegex(@"^[a-z_][a-z_0-9]+$")]
    private static partial Regex NameRegex();
}
