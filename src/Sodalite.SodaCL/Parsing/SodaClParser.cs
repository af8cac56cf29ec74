// SodaCL checks YAML → model. Errors are logged with file, line and column; a bad check is dropped,
// the others are kept, as Soda Core does (spec/sodacl.md §1).
using System.Globalization;
using System.Text.RegularExpressions;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Variables;
using Sodalite.SodaCL.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Sodalite.SodaCL.Parsing;

/// <summary>
/// Reads SodaCL checks files into a <see cref="SodaClDocument"/>. What is special to a check type (its check lines, its configuration
/// keys) is read by that type's <see cref="ICheckSyntax"/> in <paramref name="checkTypes"/>; the parser reads sections, variables,
/// filters, column configurations and the keys every check shares.
/// </summary>
/// <param name="log">Where errors go, with file, line and column.</param>
/// <param name="jinja">Variables and ${...} resolution.</param>
/// <param name="checkTypes">The check types' syntaxes; a check line no type claims is reported and dropped.</param>
public sealed partial class SodaClParser(ScanLogger log, Jinja jinja, IReadOnlyList<ICheckSyntax> checkTypes)
{
    private Jinja _jinja = jinja;

    private static readonly HashSet<string> MetricConfigKeys =
    [
        "name", "identity", "warn", "fail", "filter", "samples limit", "samples columns", "attributes", "failed rows query",
        "failed rows sql_file", "condition", "method", "model", "training_dataset_parameters", "severity_level_parameters",
        "take_over_existing_anomaly_score_check", "warn_only", "template",
    ];

    private static readonly string[] MvcKeys =
    [
        "missing values", "missing format", "missing regex", "valid values", "valid format", "valid regex", "valid length",
        "valid min length", "valid max length", "valid min", "valid max", "invalid values", "invalid format", "invalid regex",
        "include null",
    ];

    private static readonly HashSet<string> IdentityExcluded = ["name", "samples limit", "identity", "attributes", "template", "warn_only"];

    private string _file = "";

    /// <summary>The scanned data source's name, for "ds.table" patterns of 'for each dataset'; null when unknown.</summary>
    public string? DataSourceName { get; init; }
    /// <summary>The last "- attributes:" entry of a checks list: merged into each following table check of the file, as Soda does.</summary>
    private YamlMappingNode? _datasetAttributes;

    /// <summary>Bounds on the YAML work one file may ask for (alias expansion, nesting); see <see cref="YamlLimits"/>.</summary>
    public YamlLimits Limits { get; init; } = YamlLimits.Default;

    /// <summary>Parses one checks file into <paramref name="doc"/>.</summary>
    public void Parse(string filePath, string text, SodaClDocument doc)
    {
        _file = filePath;
        _comments = _sources[filePath] = new SourceComments(text);
        var (rootNode, problem) = SafeYaml.Load(text, Limits);
        if (problem is not null)
        {
            log.Error(problem.Message, new SourceLocation(filePath, problem.Line, problem.Col));
            return;
        }
        if (rootNode is not YamlMappingNode root)
        {
            if (rootNode is not null && !(rootNode is YamlScalarNode s && RuamelEmitter.IsNull(s)))
                log.Error($"The checks file {filePath} must be a mapping of sections such as 'checks for TABLE:'", Loc(rootNode.Start));
            return;
        }

        try
        {
            ParseSections(root, doc);
        }
        catch (SodaClFileException e)
        {
            log.Error(e.Message, e.Location);
        }
    }

    private void ParseSections(YamlMappingNode root, SodaClDocument doc)
    {
        // Filters and column configurations first: checks of any section may use them. What stops the file in one of them stops it
        // at that section, as Soda reads sections in order: the sections above it are still read.
        (YamlNode At, SodaClFileException Error)? stop = null;
        foreach (var (keyNode, value) in root.Children)
        {
            if (TryResolve(RuamelEmitter.Text(keyNode)) is not { } header) continue; // reported in the second pass
            try
            {
                if (FilterHeader().Match(header) is { Success: true } fm)
                    ParseFilter(fm.Groups[1].Value, fm.Groups[2].Value, value, keyNode, doc);
                else if (header.StartsWith("configurations for ", StringComparison.Ordinal))
                    ParseColumnConfigurations(header["configurations for ".Length..].Trim(), value, keyNode, doc);
            }
            catch (SodaClFileException e)
            {
                stop = (keyNode, e);
                break;
            }
        }

        foreach (var (keyNode, value) in root.Children)
        {
            if (stop is { } s && ReferenceEquals(s.At, keyNode)) throw s.Error;
            if (keyNode is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } plainKey } && NonText(plainKey))
                // Soda tests the header with 'in', which a number, boolean or date does not support: the file stops here.
                throw FileStop(
                    $"the section header {plainKey} is a {Kind(plainKey)}, not a header such as 'checks for TABLE'. Quote it or fix it.",
                    Loc(keyNode.Start));
            if (ResolveOrLog(RuamelEmitter.Text(keyNode), keyNode, "section header") is not { } header) continue;
            if (ChecksHeader().Match(header) is { Success: true } cm)
            {
                string table = cm.Groups[1].Value;
                string? partition = cm.Groups[3].Success ? cm.Groups[3].Value : null;
                // Soda reads sections in order and looks the filter up in the same file: it must be declared above its checks.
                if (partition is not null && !(_filterDeclarations.TryGetValue((table, partition), out var declared) && declared.File == _file && declared.Line < keyNode.Start.Line))
                {
                    string where = _filterDeclarations.TryGetValue((table, partition), out var at) && at.File == _file
                        ? $"Move 'filter {table} [{partition}]:' (line {at.Line}) above this section."
                        : $"Declare it above this section, in the same file, with 'filter {table} [{partition}]:' and a 'where:' condition.";
                    log.Error($"Filter not declared: {partition}. {where}", Loc(keyNode.Start));
                    continue;
                }
                ParseChecksSection(header, table, partition, value, keyNode, doc);
            }
            else if (header == "checks")
            {
                ParseChecksSection(header, null, null, value, keyNode, doc);
            }
            else if (header == "variables")
            {
                ParseVariables(value, keyNode, doc);
            }
            else if (FilterHeader().IsMatch(header) || header.StartsWith("configurations for ", StringComparison.Ordinal) || header == "variables")
            {
                // handled in the first pass
            }
            else if (header.StartsWith("for each dataset ", StringComparison.Ordinal) || header.StartsWith("for each table ", StringComparison.Ordinal))
            {
                bool legacy = header.StartsWith("for each table ", StringComparison.Ordinal);
                ParseForEach(header[(legacy ? 15 : 17)..].Trim(), value, keyNode, doc, legacy, header);
            }
            else if (header is "automated monitoring" or "profile columns" or "discover datasets" or "sample datasets" or "for each column")
            {
                log.Warning($"Section \"{header}\" needs Soda Cloud and is ignored.", Loc(keyNode.Start));
            }
            else
            {
                log.Error($"Invalid section header \"{header}\"{HeaderHint(header)}", Loc(keyNode.Start));
            }
        }
    }

    /// <summary>
    /// A `variables:` section, read where it stands in the file as Soda does: a value is set for the sections after it (and for
    /// thresholds and SQL, which are resolved later), over a -v variable of the same name; ${...} in a value is resolved first.
    /// Soda cannot read a value that is not text (it gives up on the rest of the file): neither can this.
    /// </summary>
    private void ParseVariables(YamlNode value, YamlNode keyNode, SodaClDocument doc)
    {
        if (value is not YamlMappingNode vars)
        {
            log.Error($"Variables content must be a dict. Write 'variables:' followed by indented 'NAME: value' lines.", Loc(keyNode.Start));
            return;
        }
        foreach (var (k, v) in vars.Children)
        {
            string name = RuamelEmitter.Text(k);
            if (v is not YamlScalarNode sv || RuamelEmitter.IsNull(sv) || sv.Style is ScalarStyle.Plain or ScalarStyle.Any && NonText(sv.Value ?? ""))
                throw FileStop(
                    $"variable '{name}' is {(v is YamlScalarNode s2 && !RuamelEmitter.IsNull(s2) ? $"the {Kind(s2.Value!)} {s2.Value}" : v is YamlScalarNode ? "empty" : "not a single value")}, and variables are text: quote it ({name}: \"{(v as YamlScalarNode)?.Value}\").",
                    Loc(v.Start));
            string text = sv.Value ?? "";
            if (ResolveOrLog(text, v, $"variable '{name}'") is not { } resolved) continue;
            text = resolved;
            doc.Variables[name] = text;
            _jinja = _jinja.WithVariable(name, text);
        }
    }

    /// <summary>Whether a plain scalar reads as something other than a string in YAML (ruamel): a number, a boolean or a date.</summary>
    private static bool NonText(string plain) =>
        IntRegex().IsMatch(plain) || FloatRegex().IsMatch(plain) || RuamelEmitter.IsBool(plain) || YamlTimestamp().IsMatch(plain)
        || plain is ".inf" or "-.inf" or "+.inf" or ".nan" or ".NaN" or ".Inf" or "-.Inf";

    private const string ColonAdvice = CheckConfigReader.ColonAdvice;

    /// <summary>Soda's "Could not add SodaCL file" for the file being read: <paramref name="reason"/> says what and what to write.</summary>
    private SodaClFileException FileStop(string reason, SourceLocation location) => new(_file, reason, location);

    /// <summary>" (did you mean ...?)" for a header one or two edits away from a known section start, else "".</summary>
    private static string HeaderHint(string header)
    {
        foreach (string whole in new[] { "checks", "variables" })
            if (EditDistance.Between(header, whole) is > 0 and <= 2 && !header.Contains(' ', StringComparison.Ordinal))
                return $" (did you mean \"{whole}\"?)";
        string[] starts = ["checks for ", "filter ", "configurations for ", "for each dataset "];
        (int D, int Off, string Hint)? best = null;
        foreach (string start in starts)
        {
            int n = Math.Min(header.Length, start.Length + 2);
            for (int len = Math.Max(1, start.Length - 2); len <= n; len++)
            {
                int d = EditDistance.Between(header[..len], start);
                int off = Math.Abs(len - start.Length);
                if (d is > 0 and <= 2 && (best is null || (d, off).CompareTo((best.Value.D, best.Value.Off)) < 0))
                    best = (d, off, $" (did you mean \"{start}{header[len..].TrimStart()}\"?)");
            }
        }
        return best?.Hint ?? "";
    }

    /// <summary>
    /// For a check line that YAML joined from several source lines (a next line indented deeper than the check continues it),
    /// a hint naming them; "" otherwise. The column in the grammar's message then counts in the joined text, not in the file.
    /// </summary>
    private static string JoinedLinesHint(YamlNode item)
    {
        var node = item is YamlMappingNode { Children.Count: > 0 } m ? m.Children[0].Key : item;
        return node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } && node.End.Line > node.Start.Line
            ? $" (YAML joined lines {node.Start.Line} to {node.End.Line} into this one check: a line indented deeper than the check continues it; indent each '- ' item at the same column)"
            : "";
    }

    /// <summary>
    /// What makes a value unreadable to Soda where it iterates over it or strips it (a check's configuration, a value list, a
    /// filter): nothing after the colon, or a number, boolean or date, said as "nothing after {colon}" or "the number 5 as
    /// {role}"; null when it is a mapping, text or a list (those get their own errors).
    /// </summary>
    internal static string? Unreadable(YamlNode value, string colon = "its colon", string role = "its configuration") => value switch
    {
        YamlScalarNode s when RuamelEmitter.IsNull(s) => $"nothing after {colon}",
        YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } v } when NonText(v) => $"the {Kind(v)} {v} as {role}",
        _ => null,
    };

    private static string Kind(string plain) =>
        IntRegex().IsMatch(plain) || FloatRegex().IsMatch(plain) || plain.Contains("inf", StringComparison.OrdinalIgnoreCase) || plain.Contains("nan", StringComparison.OrdinalIgnoreCase) ? "number"
        : RuamelEmitter.IsBool(plain) ? "boolean" : "date";

    private void ParseForEach(string alias, YamlNode value, YamlNode keyNode, SodaClDocument doc, bool legacy, string header)
    {
        if (legacy) log.Warning("Please update 'for each table ...' to 'for each dataset ...'.", Loc(keyNode.Start));
        // Soda's lexer reads an alias such as d, h, m or 5d as a time unit, so the header does not parse.
        if (TimeUnitAlias().IsMatch(alias))
        {
            log.Error($"Invalid section header \"{header}\": the alias '{alias}' reads as a time unit in SodaCL; use a longer name such as 'for each dataset T'.", Loc(keyNode.Start));
            return;
        }
        string listKey = legacy ? "tables" : "datasets";
        // Soda takes 'datasets:' when it is a list, else 'tables:'; when neither is a non-empty list, its reader loses its place and
        // fails on 'checks:': "Could not add SodaCL file", the rest of the file is not read.
        YamlNode? Entry(string key) => value is YamlMappingNode vm && vm.Children.TryGetValue(new YamlScalarNode(key), out var n) ? n : null;
        var listed = Entry("datasets") as YamlSequenceNode ?? Entry("tables") as YamlSequenceNode;
        if (listed is not { Children.Count: > 0 })
            throw FileStop(
                $"'{header}' needs '{listKey}:' with at least one dataset name or LIKE pattern (such as raw_%).",
                Loc(keyNode.Start));
        YamlNode? datasets = null;
        if (value is YamlMappingNode m0)
            datasets = m0.Children.FirstOrDefault(p => RuamelEmitter.Text(p.Key) is "datasets" or "tables" && (RuamelEmitter.Text(p.Key) == listKey || legacy)).Value;
        if (value is not YamlMappingNode m
            || datasets is not YamlSequenceNode patterns
            || !m.Children.TryGetValue(new YamlScalarNode("checks"), out var checks) || checks is not YamlSequenceNode checkList)
        {
            log.Error($"'{header}' needs '{listKey}:' (a list of names or LIKE patterns such as raw_%, optionally prefixed with include/exclude) and 'checks:' (a list of checks).", Loc(keyNode.Start));
            return;
        }
        var includes = new List<string>();
        var excludes = new List<string>();
        foreach (var item in patterns.Children)
        {
            string p = RuamelEmitter.Text(item);
            bool exclude = p.StartsWith("exclude ", StringComparison.Ordinal);
            string pattern = exclude ? p[8..] : p.StartsWith("include ", StringComparison.Ordinal) ? p[8..] : p;
            // "ds.pattern" names the data source; Soda only runs patterns of the scanned one, and says so for another.
            var pieces = pattern.Split('.');
            if (pieces.Length == 2)
            {
                if (DataSourceName is not null && pieces[0] != DataSourceName)
                {
                    log.Error($"Cross data source table sets not yet supported. {pattern} refers to non default data source  {pieces[0]}. Default data source is {DataSourceName}", Loc(item.Start));
                    continue;
                }
                pattern = pieces[1];
            }
            else if (pieces.Length > 2)
            {
                log.Error($"Table name filter \"{p}\" should exist out of 1 or 2 pieces separated by a dot.  Pieces count: {pieces.Length}", Loc(item.Start));
                continue;
            }
            // Soda compares lower-cased names with lower-cased patterns.
            (exclude ? excludes : includes).Add(pattern.Trim().ToLowerInvariant());
        }
        doc.ForEach.Add(new ForEachSection(alias, includes, excludes, checkList, keyNode, _file, Loc(keyNode.Start)));
    }

    /// <summary>Adds the checks of a 'for each dataset' section for each matched table, with header "checks for ALIAS being TABLE".</summary>
    public void InstantiateForEach(ForEachSection section, IReadOnlyList<string> tables, SodaClDocument doc)
    {
        var (savedJinja, savedFile, savedAttributes) = (_jinja, _file, _datasetAttributes);
        try
        {
            _file = section.FilePath;
            _comments = _sources.GetValueOrDefault(section.FilePath);
            foreach (var table in tables)
            {
                _jinja = savedJinja.With(section.Alias, table);
                _datasetAttributes = null;
                ParseChecksSection($"checks for {section.Alias} being {table}", table, null, section.Checks, section.KeyNode, doc);
            }
        }
        finally
        {
            (_jinja, _file, _datasetAttributes) = (savedJinja, savedFile, savedAttributes);
        }
    }

    private void ParseFilter(string table, string partition, YamlNode value, YamlNode keyNode, SodaClDocument doc)
    {
        if (value is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("where"), out var where) && where is YamlScalarNode ws && !RuamelEmitter.IsNull(ws))
        {
            doc.Filters[(table, partition)] = ws.Value ?? "";
            _filterDeclarations[(table, partition)] = (_file, keyNode.Start.Line);
            doc.Mention(table, partition);
        }
        else
        {
            log.Error($"Filter \"{table} [{partition}]\" needs a 'where:' key with an SQL condition.", Loc(keyNode.Start));
        }
    }

    private void ParseColumnConfigurations(string table, YamlNode value, YamlNode keyNode, SodaClDocument doc)
    {
        if (value is not YamlMappingNode m)
        {
            log.Error($"Skipping section \"configurations for {table}\" because content is not a mapping", Loc(keyNode.Start));
            return;
        }
        var byColumn = doc.ColumnConfigs.TryGetValue(table, out var existing) ? existing : doc.ColumnConfigs[table] = [];
        foreach (var (k, v) in m.Children)
        {
            string key = RuamelEmitter.Text(k);
            var match = ColumnConfigKey().Match(key);
            if (!match.Success || !MvcKeys.Contains(match.Groups[1].Value))
            {
                log.Error($"Invalid column configuration \"{key}\": expected \"<missing/valid/invalid key> for <column>\", e.g. \"valid format for email\".", Loc(k.Start));
                continue;
            }
            string column = match.Groups[2].Value;
            var current = byColumn.GetValueOrDefault(column) ?? MissingValidConfig.Empty;
            _currentColumnKey = (table, column);
            byColumn[column] = ApplyMvcKey(current, match.Groups[1].Value, v, k) ?? current;
            _currentColumnKey = null;
        }
    }

    private void ParseChecksSection(string header, string? table, string? partition, YamlNode value, YamlNode keyNode, SodaClDocument doc)
    {
        if (value is not YamlSequenceNode seq)
        {
            log.Error($"Skipping section \"{header}\" because content is not a list", Loc(keyNode.Start));
            return;
        }
        if (table is not null) doc.Mention(table, partition);
        foreach (var item in seq.Children)
        {
            try
            {
                var check = ParseCheckItem(header, table, partition, item, doc);
                if (check is not null) doc.Checks.Add(check);
            }
            catch (CheckLineException e)
            {
                log.Error($"Invalid check \"{ItemLine(item)}\": {e.Message}{JoinedLinesHint(item)}", Loc(item.Start));
                // Soda then merges the dataset attributes into a check it did not build and fails on it: "Could not add SodaCL
                // file", and the rest of the file is not read (the checks read so far stay).
                if (table is not null && _datasetAttributes is { Children.Count: > 0 } && !_inGroupBy)
                    throw FileStop(
                        $"the invalid check \"{ItemLine(item)}\" follows dataset-level attributes, and Soda stops reading the file there. Fix the check.",
                        Loc(item.Start));
            }
            catch (Exception e) when (e is not (OperationCanceledException or SodaClFileException))
            {
                // A bug must cost one check, not the file, and never pass as success.
                log.Error($"Invalid check \"{ItemLine(item)}\": it could not be read ({e.GetType().Name}: {e.Message})", Loc(item.Start));
                log.Debug(e.ToString());
            }
        }
    }

    private static string ItemLine(YamlNode item) =>
        item is YamlMappingNode im && im.Children.Count > 0 ? RuamelEmitter.Text(im.Children[0].Key) : item is YamlScalarNode ? RuamelEmitter.Text(item) : "";

    private CheckDefinition? ParseCheckItem(string header, string? table, string? partition, YamlNode item, SodaClDocument doc)
    {
        YamlNode lineNode;
        YamlMappingNode? config = null;
        switch (item)
        {
            case YamlScalarNode s when RuamelEmitter.IsNull(s):
                // An empty list item ('-' alone): Soda skips it with an error, and reads on.
                log.Error("Skipping unsupported check definition: an empty list item ('-' with nothing after it). Remove it or write a check after the dash.", Loc(item.Start));
                return null;
            case YamlScalarNode s:
                lineNode = s;
                break;
            case YamlMappingNode m when m.Children.Count > 0:
                lineNode = m.Children[0].Key;
                if (RuamelEmitter.Text(lineNode) == "attributes" && m.Children[0].Value is YamlMappingNode dsAttrs)
                {
                    _datasetAttributes = dsAttrs;
                    return null;
                }
                if (table is not null && RuamelEmitter.Text(lineNode) == "attributes" && m.Children[0].Value is YamlSequenceNode { Children.Count: > 0 } or YamlScalarNode { Value.Length: > 0 })
                    // Soda keeps any value as the dataset attributes and then fails to merge it into the next check ("... is not a
                    // mapping"): the file stops.
                    throw FileStop(
                        $"dataset-level 'attributes' must be a mapping of names to values, such as 'attributes: {{owner: data-team}}'.",
                        Loc(m.Children[0].Value.Start));
                if (Unreadable(m.Children[0].Value) is { } what)
                {
                    // Soda iterates over a check's configuration before anything else: nothing (a trailing colon), a number, a boolean
                    // or a date there is "Could not add SodaCL file" and the rest of the file is not read, whatever the check.
                    throw FileStop(
                        $"check \"{RuamelEmitter.Text(lineNode)}\" has {what}. {ColonAdvice}",
                        Loc(lineNode.Start));
                }
                if (m.Children.Count > 1)
                {
                    // Soda ignores such keys (soda-core #1248): a mis-indented 'valid values:' would leave the check passing unvalidated.
                    var stray = m.Children[1].Key;
                    log.Error($"Key \"{RuamelEmitter.Text(stray)}\" is next to check \"{RuamelEmitter.Text(lineNode)}\", not under it: indent it further than the check line so it configures that check. The check is not evaluated.", Loc(stray.Start));
                    return null;
                }
                var v = m.Children[0].Value;
                if (v is YamlMappingNode cm) config = cm;
                else
                {
                    log.Error($"The configuration of check \"{RuamelEmitter.Text(lineNode)}\" must be a mapping of keys such as 'name:' or 'fail:'.", Loc(v.Start));
                    return null;
                }
                break;
            default:
                log.Error("A check must be a line such as 'row_count > 0', or a line with a configuration mapping.", Loc(item.Start));
                return null;
        }

        // Soda merges the dataset-level attributes into each table check's own ({**check, **dataset}: the dataset's value wins, its
        // other keys follow), and the merged mapping shows in the check's definition; not in 'checks:' sections or group by groups.
        if (table is not null && _datasetAttributes is { Children.Count: > 0 } datasetAttributes && !_inGroupBy)
        {
            if (config?.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: "attributes" }).Value is { } own and not YamlMappingNode)
                // Soda merges the two with {**check, **dataset}: a check's attributes that are not a mapping stop the file.
                throw FileStop(
                    $"the 'attributes' of check \"{RuamelEmitter.Text(lineNode)}\" must be a mapping of names to values to merge with the dataset-level attributes.",
                    Loc(own.Start));
            config = WithDatasetAttributes(config, datasetAttributes);
            // Soda's merged attributes are a plain dict: the comments ruamel kept on the two mappings (after their keys and scalar
            // values) are gone from the definition; a list value keeps its own.
            var merged = (YamlMappingNode)config.Children.First(p => p.Key is YamlScalarNode { Value: "attributes" }).Value;
            foreach (var (k, v) in merged.Children)
            {
                _withoutComments.Add(k);
                if (v is YamlScalarNode) _withoutComments.Add(v);
            }
        }

        string line = RuamelEmitter.Text(lineNode);
        var location = Loc(item.Start);
        if (line.StartsWith('$'))
        {
            log.Error("Soda Core does not support check templates.", location);
            return null;
        }

        CheckLine? parsed = null;
        var syntax = checkTypes.FirstOrDefault(t => t.ClaimsLine(line));
        if (syntax is null)
        {
            parsed = CheckLineParser.Parse(line);
            syntax = checkTypes.FirstOrDefault(t => t.Claims(parsed));
        }
        if (syntax is null)
        {
            log.Error($"Check \"{line}\" is of a type this version of Sodalite does not read.", location);
            return null;
        }
        if (table is null && syntax.NeedsDataset)
        {
            log.Error($"Check type \"{line}\" must be in \"checks for TABLENAME:\" section.", location);
            return null;
        }

        var metricLine = parsed as MetricCheckLine;
        string? column = syntax.Column(parsed);
        MissingValidConfig? columnCfg = table is not null && column is not null && doc.ColumnConfigs.TryGetValue(table, out var cc) ? cc.GetValueOrDefault(column) : null;

        var check = new CheckDefinition
        {
            Header = header,
            Table = table,
            Partition = partition,
            Line = line,
            Location = location,
            Syntax = syntax,
            Parsed = parsed,
            Column = column,
            Definition = "",
        };
        syntax.Begin(check, config is null ? [] : [.. config.Children.Select(p => new CheckConfigEntry(RuamelEmitter.Text(p.Key), p.Key, p.Value))],
            new CheckConfigReader(log, _file));
        if (config is not null) check = ApplyConfig(check, config, metricLine);
        foreach (var t in new[] { metricLine?.Threshold, metricLine?.Threshold is null ? check.Warn : null, metricLine?.Threshold is null ? check.Fail : null })
            if (t is { HasInvertedBounds: true })
                // Soda reports it (an error: the scan exits 3) and still evaluates the check, whose zone then never (between) or
                // always (not between) holds; the outcome is Soda's, the exit code keeps the gate from reading it as a pass.
                log.Error($"Left lower bound should be less than the upper bound on the right {t.Text}", location);
        if (syntax.TakesColumnConfigurations && columnCfg is not null)
            check = check with { MissingValid = check.MissingValid.MergeWithColumn(columnCfg) };
        // Soda merges column lists into the check's YAML list in place, so its definition and
        // identity show the merged list: do the same before dumping them.
        if (config is not null && columnCfg is not null) MergeListsInPlace(config, columnCfg, table!, column!);
        check = check with
        {
            Definition = config is null ? $"{header}:\n  {line}" : RuamelEmitter.Definition(header, lineNode, config, CommentsOf),
            IdentityYaml = IdentityYaml(config, CommentsOf),
        };
        return check;
    }

    private bool _inGroupBy;

    /// <summary>Where each filter was declared (file and line), for Soda's rule that a filter is declared above its checks, in the same file.</summary>
    private readonly Dictionary<(string Table, string Partition), (string File, long Line)> _filterDeclarations = [];

    /// <summary>The comments of the file being read, for check definitions; one per file, for 'for each' sections read later.</summary>
    private SourceComments? _comments;
    private readonly Dictionary<string, SourceComments> _sources = [];

    /// <summary>Nodes whose source comments Soda's dump does not keep (those of merged dataset attributes).</summary>
    private readonly HashSet<YamlNode> _withoutComments = new(ReferenceEqualityComparer.Instance);

    private NodeComment? CommentsOf(YamlNode node, bool isKey) =>
        _comments is null || _withoutComments.Contains(node) ? null : _comments.After(node, isKey);

    private static YamlMappingNode WithDatasetAttributes(YamlMappingNode? config, YamlMappingNode datasetAttributes)
    {
        var merged = new YamlMappingNode();
        YamlMappingNode? own = null;
        if (config is not null && config.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: "attributes" }).Value is YamlMappingNode a) own = a;
        if (own is not null) foreach (var (k, v) in own.Children) merged.Children[k] = v;
        foreach (var (k, v) in datasetAttributes.Children)
        {
            var existing = merged.Children.Keys.FirstOrDefault(x => RuamelEmitter.Text(x) == RuamelEmitter.Text(k));
            if (existing is not null) merged.Children[existing] = v;
            else merged.Children.Add(k, v);
        }
        // Soda sets the key on the check's own mapping, so a flow-style configuration stays flow style (the merged dict with it).
        var result = new YamlMappingNode { Style = config?.Style ?? MappingStyle.Any };
        bool placed = false;
        if (config is not null)
            foreach (var (k, v) in config.Children)
            {
                if (k is YamlScalarNode { Value: "attributes" }) { result.Add(k, merged); placed = true; }
                else result.Add(k, v);
            }
        if (!placed) result.Add("attributes", merged);
        return result;
    }

    private void MergeListsInPlace(YamlMappingNode config, MissingValidConfig columnCfg, string table, string column)
    {
        foreach (var (key, values) in new[] { ("missing values", columnCfg.MissingValues), ("valid values", columnCfg.ValidValues) })
        {
            if (values is null) continue;
            if (!config.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlSequenceNode seq) continue;
            if (!_columnListNodes.TryGetValue((table, column, key), out var colNode)) continue;
            foreach (var item in colNode.Children) seq.Children.Add(item);
        }
    }

    private readonly Dictionary<(string, string, string), YamlSequenceNode> _columnListNodes = [];

    /// <summary>
    /// One nested check of a group by, for one group: Soda adds 'group_value: [v1,v2]' to its configuration (so its definition and
    /// identity tell groups apart) and names it "&lt;name&gt; [v1,v2]".
    /// </summary>
    public CheckDefinition? GroupCheck(CheckDefinition parent, YamlNode nested, string groupLabel, SodaClDocument doc)
    {
        var groupValue = new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode("group_value"), new YamlScalarNode(groupLabel) { Style = YamlDotNet.Core.ScalarStyle.SingleQuoted });
        YamlMappingNode item;
        switch (nested)
        {
            case YamlScalarNode s:
                item = new YamlMappingNode(s, new YamlMappingNode(groupValue.Key, groupValue.Value));
                break;
            case YamlMappingNode m when m.Children.Count > 0:
                var entries = m.Children[0].Value is YamlMappingNode cfg ? cfg.Children.ToList() : [];
                entries.Add(groupValue);
                var copy = new YamlMappingNode();
                foreach (var (k, v) in entries) copy.Add(k, v);
                item = new YamlMappingNode(m.Children[0].Key, copy);
                break;
            default:
                log.Error("A group by check's 'checks:' must hold checks such as '- avg_size > 0'.", Loc(nested.Start));
                return null;
        }
        var (savedFile, savedAttributes) = (_file, _datasetAttributes);
        try
        {
            _file = parent.Location.FilePath;
            _inGroupBy = true;
            CheckDefinition? check;
            try
            {
                check = ParseCheckItem(parent.Header, parent.Table, parent.Partition, item, doc);
            }
            catch (CheckLineException e)
            {
                // As at the top level: the nested check is invalid, located at its own line; the group's other checks still run.
                log.Error($"Invalid check \"{ItemLine(nested)}\": {e.Message}", Loc(nested.Start));
                return null;
            }
            catch (SodaClFileException e)
            {
                // What stops a file at the top level (a merge key) costs only this nested check here: the file was read already.
                log.Error(e.Notice, e.Location);
                return null;
            }
            return check is null ? null : check with { Name = $"{check.Name ?? check.Line} {groupLabel}", Location = Loc(nested.Start) };
        }
        finally
        {
            (_file, _datasetAttributes) = (savedFile, savedAttributes);
            _inGroupBy = false;
        }
    }

    private CheckDefinition ApplyConfig(CheckDefinition check, YamlMappingNode config, MetricCheckLine? metricLine)
    {
        int errorsBefore = log.ErrorCount;
        int ignoredKeys = 0;
        var mvc = MissingValidConfig.Empty;
        string? metric = metricLine?.Metric;
        var syntax = check.Syntax;
        var reader = new CheckConfigReader(log, _file);
        var entries = new List<CheckConfigEntry>();
        foreach (var (k, v) in config.Children)
        {
            string key = k is YamlScalarNode ? RuamelEmitter.Text(k) : "";
            if (key == "<<" && k is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any })
                throw FileStop(
                    $"YAML merge keys ('<<: *anchor') are not supported in a check configuration (check \"{check.Line}\"). " +
                    "Write the keys out under each check, or set them once per column with 'configurations for TABLE:'.",
                    Loc(k.Start));
            string? text = v is YamlScalarNode sv && !RuamelEmitter.IsNull(sv) ? sv.Value : null;
            var entry = new CheckConfigEntry(key, k, v);
            entries.Add(entry);
            if (syntax.Read(check, entry, reader) is { } read)
            {
                check = read;
                continue;
            }
            if (syntax.Rejects(key, check) is { } rejection)
            {
                // Soda's parser for the type lists the keys it takes and reports the others (the scan exits 3); it reads a few anyway.
                // A rejected key the user meant to change what the check measures (a filter, a threshold, a query) leaves the check
                // not evaluated, as a misspelled one does; a reporting key or an unknown word does not.
                log.Error(rejection.Message, Loc(k.Start));
                if (ReportingKeys.Contains(key) || !IsKnownKey(key)) ignoredKeys++;
                if (!rejection.StillRead) continue;
            }
            switch (key)
            {
                case "name" when v is YamlSequenceNode or YamlMappingNode || text is not null && (ItemKind(v) != "str" || PythonTypeName(v) == "TaggedScalar"):
                    // Soda reads the name as a string only: another value is an error, and the check keeps its default name.
                    ignoredKeys++; // a reporting key: the check still measures what the user wrote
                    log.Error($"Invalid YAML structure: key \"name\" must contain a str, but was {PythonTypeName(v)}. Write the name as text{(text is null ? "" : $": name: \"{text}\"")}.", check.Location);
                    continue;
                case "name": check = check with { Name = text is null ? null : ResolveOrLog(text, v, "name") ?? text }; continue;
                // Soda appends a custom identity only when it is a string (identity: 5 is ignored).
                case "identity": check = check with { CustomIdentity = ItemKind(v) == "str" ? text : null }; continue;
                case "filter":
                    if (v is not YamlScalarNode || Unreadable(v) is not null)
                    {
                        string what = v switch { YamlSequenceNode => "a list", YamlMappingNode => "a mapping", _ when text is null => "empty", _ => $"the {Kind(text)} {text}" };
                        throw FileStop($"the 'filter' of check \"{check.Line}\" must be one SQL condition, not {what}; join conditions with AND.", Loc(v.Start));
                    }
                    check = check with { Filter = text };
                    continue;
                case "samples columns":
                    if (v is YamlSequenceNode cols && cols.Children.Count > 0) check = check with { SamplesColumns = [.. cols.Children.Select(RuamelEmitter.Text)] };
                    else log.Error("'samples columns' must be a list of column names, e.g. [id, email].", Loc(v.Start));
                    continue;
                case "samples limit":
                    if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int limit) && limit >= 0)
                        check = check with { SamplesLimit = limit };
                    else
                        log.Error($"'samples limit' must be a whole number of 0 or more, not \"{text}\".", Loc(v.Start));
                    continue;
                case "attributes":
                    if (v is YamlMappingNode am) check = check with { Attributes = [.. ParseAttributes(am)] };
                    else log.Error("'attributes' must be a mapping of names to values.", Loc(v.Start));
                    continue;
                case "warn" or "fail":
                    // Soda's default check name appends " warn X" / " fail X" with Python's str() of any truthy value, valid or not.
                    if (PyStr(v) is { Length: > 0 } shown && (ItemKind(v) == "str" || shown is not ("0" or "0.0" or "-0.0" or "False")))
                        check = key == "warn" ? check with { WarnText = shown } : check with { FailText = shown };
                    // With a threshold on the check line Soda ignores warn/fail (said below): their values are not checked either.
                    if (metricLine?.Threshold is not null) continue;
                    if (text is null || !text.StartsWith("when ", StringComparison.Ordinal))
                    {
                        log.Error($"Value for {key} must be \"when {{condition}}\", e.g. \"{key}: when > 10\".", Loc(v.Start));
                        continue;
                    }
                    try
                    {
                        var cond = CheckLineParser.ParseCondition(text[5..]);
                        check = key == "warn" ? check with { Warn = cond, WarnText = text } : check with { Fail = cond, FailText = text };
                    }
                    catch (CheckLineException e)
                    {
                        log.Error($"Invalid {key} condition \"{text}\": {e.Message}", new SourceLocation(_file, (int)v.Start.Line, (int)v.Start.Column + 5 + e.Column));
                    }
                    continue;
                case "group_value": continue; // added by a group by to each group's nested check
                case "failed rows query": check = check with { FailedRowsQuery = text }; continue;
                case "failed rows sql_file" when text is not null:
                    // Soda reads the file next to the checks file as the failed rows query.
                    string frqPath = Path.Combine(Path.GetDirectoryName(_file) ?? "", text);
                    if (File.Exists(frqPath)) check = check with { FailedRowsQuery = File.ReadAllText(frqPath) };
                    else log.Error($"The failed rows sql_file \"{text}\" of check \"{check.Line}\" was not found (looked at {frqPath}).", Loc(v.Start));
                    continue;
            }
            if (MvcKeys.Contains(key))
            {
                mvc = ApplyMvcKey(mvc, key, v, k) ?? mvc;
                continue;
            }
            if (metric is not null && (key == $"{metric} expression" || key == $"{metric} query" || key == $"{metric} sql_file") && string.IsNullOrWhiteSpace(text))
            {
                log.Error($"'{key}' of check \"{check.Line}\" is empty: give the {(key.EndsWith(" query", StringComparison.Ordinal) ? "SQL query" : key.EndsWith(" sql_file", StringComparison.Ordinal) ? "path of a file holding the SQL query" : "SQL aggregate expression")} that computes {metric}.", Loc(v.Start));
                continue;
            }
            if (metric is not null && key == $"{metric} expression")
            {
                check = check with { MetricExpression = text };
                continue;
            }
            if (metric is not null && key == $"{metric} query")
            {
                check = check with { MetricQuery = text };
                continue;
            }
            if (metric is not null && key == $"{metric} sql_file" && text is not null)
            {
                string path = Path.Combine(Path.GetDirectoryName(_file) ?? "", text);
                if (File.Exists(path)) check = check with { MetricQuery = File.ReadAllText(path) };
                else log.Error($"The sql_file \"{text}\" of check \"{check.Line}\" was not found (looked at {path}).", Loc(v.Start));
                continue;
            }
            // Soda's metric parser reads any key ending in 'expression', 'query' or 'sql_file' as the metric's, and reports a name
            // that is not the check's metric ('fail query' on a metric check, a bare 'query'), a distribution check's too.
            if (metric is not null && new[] { "expression", "query", "sql_file" }.FirstOrDefault(w => key.EndsWith(w, StringComparison.Ordinal)) is { } suffix)
            {
                log.Error($"In configuration key \"{key}\", the metric name must match the check's metric \"{metric}\": write \"{metric} {suffix}\".", Loc(k.Start));
                continue;
            }
            // Known keys of checks that need history or Soda's scientific package: accepted, the check itself is reported.
            if (key is "condition" or "method" or "model" or "training_dataset_parameters" or "severity_level_parameters"
                    or "take_over_existing_anomaly_score_check" or "warn_only")
                continue;
            // A distribution check never reports a key it does not know (Soda's metric parser makes an exception for it).
            if (!syntax.ReportsUnknownKeys) continue;
            string hint = Hint(key);
            // Soda skips the key and runs the check. A misspelled key that would change what the check measures or how it is
            // judged (valid values, filter, fail, ...) must not leave it passing unvalidated; a misspelled 'name' may.
            if (!(SuggestedKey(key) is { } meant && !ReportingKeys.Contains(meant))) ignoredKeys++;
            log.Error($"Skipping unsupported check configuration: {key}{hint}", Loc(k.Start), "metric_check_configurations");
        }
        check = syntax.Complete(check, [.. entries], reader);
        if (check.Filter is not null && check.MetricExpression is not null)
            log.Error($"Check \"{check.Line}\" cannot combine 'filter' with '{metric} expression': put the condition in the expression.", check.Location);
        if (metricLine?.Threshold is not null && (check.WarnText is not null || check.FailText is not null))
        {
            // Soda ignores warn/fail when the line has its own threshold; say so.
            log.Info($"Check \"{check.Line}\" has an inline threshold, so its warn/fail configuration is ignored.", check.Location);
        }
        if (log.ErrorCount > errorsBefore + ignoredKeys && check.ConfigError is null)
            check = check with { ConfigError = "its configuration has errors (see above)" };
        return check with { MissingValid = mvc };
    }

    /// <summary>Keys that change how a check is named or reported, not what it measures.</summary>
    private static readonly HashSet<string> ReportingKeys = ["name", "identity", "attributes", "samples limit", "samples columns", "template", "warn_only"];

    private static string Hint(string key)
    {
        if (MetricConfigKeys.Contains(key) || MvcKeys.Contains(key)) return " (Sodalite does not run it)";
        return SuggestedKey(key) is { } meant ? $" (did you mean \"{meant}\"?)" : "";
    }

    /// <summary>Whether <paramref name="key"/> is a configuration key of some check type (read or rejected by name, not an unknown word).</summary>
    private static bool IsKnownKey(string key) =>
        MetricConfigKeys.Contains(key) || MvcKeys.Contains(key) || key.EndsWith(" query", StringComparison.Ordinal)
        || key.EndsWith(" expression", StringComparison.Ordinal) || key.EndsWith(" sql_file", StringComparison.Ordinal)
        || key is "fail condition" or "query" or "fields" or "checks" or "group_limit";

    /// <summary>The known configuration key <paramref name="key"/> is probably a misspelling of, or null.</summary>
    private static string? SuggestedKey(string key)
    {
        string[] known = [.. MetricConfigKeys, .. MvcKeys];
        var best = known.Select(k => (k, d: EditDistance.Between(k, key))).OrderBy(x => x.d).First();
        return best.d > 0 && best.d <= Math.Max(1, key.Length / 4) ? best.k : null;
    }

    private MissingValidConfig? ApplyMvcKey(MissingValidConfig mvc, string key, YamlNode v, YamlNode keyNode)
    {
        string? text = v is YamlScalarNode s && !RuamelEmitter.IsNull(s) ? s.Value : null;
        SourceLocation loc = Loc(v.Start);
        switch (key)
        {
            case "missing values" or "valid values" or "invalid values":
                if (Unreadable(v, "the colon", "its value") is { } unreadable)
                    // Soda iterates over the value as it reads the file: nothing, a number, boolean or date stops the file there.
                    throw FileStop(
                        $"'{key}' has {unreadable}; write a list such as {key}: [a, b].",
                        loc);
                if (v is not YamlSequenceNode seq)
                {
                    log.Error($"'{key}' must be a list, e.g. {key}: [a, b].", loc);
                    return null;
                }
                // Soda's rule: only strings, or only numbers (YAML booleans count as numbers in Python); null, dates and nested lists
                // are neither. Its message shows the list as Python prints it.
                var kinds = seq.Children.Select(ItemKind).ToList();
                if (!(kinds.All(k => k == "str") || kinds.All(k => k is "int" or "float" or "bool")))
                {
                    log.Error($"Only strings or only numbers allowed in {key}: [{string.Join(", ", seq.Children.Select(PyRepr))}]. Quote the numbers to compare as text, and leave null out (missing_count always counts NULL).", loc);
                    return null;
                }
                var values = seq.Children.Select(ToMvcValue).ToList();
                if (_currentColumnKey is { } ck) _columnListNodes[(ck.Table, ck.Column, key)] = seq;
                return key switch
                {
                    "missing values" => mvc with { MissingValues = values },
                    "valid values" => mvc with { ValidValues = values },
                    _ => mvc with { InvalidValues = values },
                };
            case "missing format" or "valid format" or "invalid format" or "missing regex" or "valid regex" or "invalid regex"
                when !(v is YamlScalarNode sv && (sv.Style is not (ScalarStyle.Plain or ScalarStyle.Any) || ItemKind(sv) == "str")):
                // Soda: "valid regex must be a string, but was CommentedSeq" (or int, ...); the key is dropped.
                log.Error($"{key} must be a string, but was {PythonTypeName(v)}. Quote it: {key}: '...'.", loc);
                return null;
            case "missing format" or "valid format" or "invalid format":
                var locs = new Dictionary<string, SourceLocation>(mvc.FormatLocations) { [key] = Loc(keyNode.Start) };
                mvc = mvc with { FormatLocations = locs };
                return key switch
                {
                    "missing format" => mvc with { MissingFormat = text },
                    "valid format" => mvc with { ValidFormat = text },
                    _ => mvc with { InvalidFormat = text },
                };
            case "missing regex": return mvc with { MissingRegex = text };
            case "valid regex": return mvc with { ValidRegex = text };
            case "invalid regex": return mvc with { InvalidRegex = text };
            case "valid length" or "valid min length" or "valid max length":
                if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n))
                {
                    log.Error($"'{key}' must be a whole number, not \"{text}\".", loc);
                    return null;
                }
                return key switch
                {
                    "valid length" => mvc with { ValidLength = n },
                    "valid min length" => mvc with { ValidMinLength = n },
                    _ => mvc with { ValidMaxLength = n },
                };
            case "valid min" or "valid max":
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x))
                {
                    log.Error($"'{key}' must be a number, not \"{text}\".", loc);
                    return null;
                }
                return key == "valid min" ? mvc with { ValidMin = x } : mvc with { ValidMax = x };
            case "include null":
                if (text is null || !RuamelEmitter.IsBool(text))
                {
                    log.Error($"'include null' must be true or false, not \"{text}\".", loc);
                    return null;
                }
                return mvc with { IncludeNull = text.Equals("true", StringComparison.OrdinalIgnoreCase) };
        }
        return null;
    }

    private (string Table, string Column)? _currentColumnKey;

    /// <summary>The Python type ruamel gives a YAML node: str, int, float, bool, None, date or list/dict.</summary>
    private static string ItemKind(YamlNode node) => node switch
    {
        YamlScalarNode s when s.Style is not (ScalarStyle.Plain or ScalarStyle.Any) || s.Tag is { IsEmpty: false, IsNonSpecific: false } && s.Tag.Value == "tag:yaml.org,2002:str" => "str",
        YamlScalarNode s when RuamelEmitter.IsNull(s) => "None",
        YamlScalarNode s when IntRegex().IsMatch(s.Value!) => "int",
        YamlScalarNode s when FloatRegex().IsMatch(s.Value!) => "float",
        YamlScalarNode s when RuamelEmitter.IsBool(s.Value!) => "bool",
        YamlScalarNode s when YamlTimestamp().IsMatch(s.Value!) => "date",
        YamlScalarNode => "str",
        _ => "list",
    };

    /// <summary>The Python type name ruamel gives a node (for Soda's "must be a string, but was X").</summary>
    private static string PythonTypeName(YamlNode node) => node switch
    {
        YamlSequenceNode => "CommentedSeq",
        YamlMappingNode => "CommentedMap",
        YamlScalarNode { Tag.IsEmpty: false, Tag.IsNonSpecific: false } t when !t.Tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) => "TaggedScalar",
        _ => ItemKind(node) switch { "None" => "NoneType", "date" => "date", var k => k },
    };

    /// <summary>Python's str() of a value as ruamel loads it (a string as is, other scalars and a non-empty list as <see cref="PyRepr"/>); null for null, an empty list and a mapping.</summary>
    private static string? PyStr(YamlNode node) => node switch
    {
        YamlScalarNode s when !RuamelEmitter.IsNull(s) => ItemKind(s) == "str" ? s.Value ?? "" : PyRepr(s),
        YamlSequenceNode { Children.Count: > 0 } q => PyRepr(q),
        _ => null,
    };

    /// <summary>Python's repr() of a YAML item as ruamel reads it, for Soda's messages.</summary>
    private static string PyRepr(YamlNode node)
    {
        var s = node as YamlScalarNode;
        string text = s?.Value ?? "";
        return ItemKind(node) switch
        {
            "None" => "None",
            "int" => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) ? l.ToString(CultureInfo.InvariantCulture) : text,
            "float" => PyFormat.Float(double.Parse(text, CultureInfo.InvariantCulture)),
            "bool" => text.Equals("true", StringComparison.OrdinalIgnoreCase) ? "True" : "False",
            "str" => PyFormat.Repr(text),
            "date" => text,
            _ => node is YamlSequenceNode seq ? "[" + string.Join(", ", seq.Children.Select(PyRepr)) + "]" : RuamelEmitter.Scalar(node),
        };
    }

    private static MvcValue ToMvcValue(YamlNode node)
    {
        string text = RuamelEmitter.Text(node);
        bool plain = node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any };
        bool isInt = plain && IntRegex().IsMatch(text);
        bool isNum = isInt || plain && FloatRegex().IsMatch(text);
        return new MvcValue(text, isNum, isInt);
    }

    private IEnumerable<CheckAttribute> ParseAttributes(YamlMappingNode m)
    {
        foreach (var (k, v) in m.Children)
            yield return new CheckAttribute(ResolveOrLog(RuamelEmitter.Text(k), k, "attribute name") ?? RuamelEmitter.Text(k), AttributeValue(v));
    }

    /// <summary>
    /// An attribute value as Soda records it: YAML's own type for a scalar (numbers, booleans; text Jinja-resolved), a date or
    /// timestamp as an ISO timestamp in the machine's zone (as Python's isoformat of a local datetime), a list as a list and a
    /// mapping as a mapping of such values.
    /// </summary>
    private object? AttributeValue(YamlNode v) => v switch
    {
        YamlScalarNode s when RuamelEmitter.IsNull(s) => null,
        YamlScalarNode { Style: ScalarStyle.Plain } s when IntRegex().IsMatch(s.Value!) && long.TryParse(s.Value!, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) => l,
        YamlScalarNode { Style: ScalarStyle.Plain } s when FloatRegex().IsMatch(s.Value!) => double.Parse(s.Value!, CultureInfo.InvariantCulture),
        YamlScalarNode { Style: ScalarStyle.Plain } s when RuamelEmitter.IsBool(s.Value!) => s.Value!.Equals("true", StringComparison.OrdinalIgnoreCase),
        YamlScalarNode { Style: ScalarStyle.Plain } s when YamlDate(s.Value!) is { } date => date,
        YamlScalarNode s => ResolveOrLog(s.Value ?? "", s, "attribute value") ?? s.Value ?? "",
        YamlSequenceNode seq => seq.Children.Select(AttributeValue).ToList(),
        YamlMappingNode map => map.Children.Select(p => new KeyValuePair<string, object?>(RuamelEmitter.Text(p.Key), AttributeValue(p.Value))).ToList(),
        _ => RuamelEmitter.Scalar(v),
    };

    /// <summary>A YAML 1.1 timestamp (ruamel reads 2024-01-31 as a date) as Python's isoformat() of that local time with its offset.</summary>
    private static string? YamlDate(string plain)
    {
        var m = YamlTimestamp().Match(plain);
        if (!m.Success) return null;
        string text = m.Groups[2].Success ? plain : plain + " 00:00:00";
        if (!DateTime.TryParse(text.Replace('t', 'T'), CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        bool hasZone = m.Groups[3].Success;
        var at = hasZone
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture)
            : new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZoneInfo.Local.GetUtcOffset(local));
        string iso = at.ToString(at.Millisecond == 0 && at.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        return iso + at.ToString("zzz", CultureInfo.InvariantCulture);
    }

    private static string? IdentityYaml(YamlMappingNode? config, Func<YamlNode, bool, NodeComment?>? comments)
    {
        if (config is null) return null;
        var rest = config.Children.Where(p => !IdentityExcluded.Contains(RuamelEmitter.Text(p.Key))).ToList();
        return rest.Count == 0 ? null : RuamelEmitter.Omap(rest, comments);
    }

    private SourceLocation Loc(Mark mark) => new(_file, (int)mark.Line, (int)mark.Column);

    private string? TryResolve(string text)
    {
        try
        {
            return _jinja.Resolve(text);
        }
        catch (JinjaException)
        {
            return null;
        }
    }

    /// <summary>The text with its ${...} rendered; null (and an error at <paramref name="node"/>) when Jinja cannot render it.</summary>
    private string? ResolveOrLog(string text, YamlNode node, string what)
    {
        try
        {
            return _jinja.Resolve(text);
        }
        catch (JinjaException e)
        {
            log.Error($"Could not resolve the {what} \"{text}\": {e.Message}", Loc(node.Start));
            return null;
        }
    }

    [GeneratedRegex(@"^checks for (.+?)( \[(.+)\])?$")]
    private static partial Regex ChecksHeader();

    [GeneratedRegex(@"^filter (.+?) \[(.+)\]$")]
    private static partial Regex FilterHeader();

    [GeneratedRegex(@"^(.+) for (.+)$")]
    private static partial Regex ColumnConfigKey();

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntRegex();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?[ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?)?)?$")]
    private static partial Regex YamlTimestamp();

    [GeneratedRegex(@"^([0-9]+)?[dhm]$")]
    private static partial Regex TimeUnitAlias();

    [GeneratedRegex(@"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatRegex();
}
