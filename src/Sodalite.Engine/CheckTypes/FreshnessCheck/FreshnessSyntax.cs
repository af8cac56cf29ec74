// The freshness check's lines and keys (spec/sodacl.md §2.5). 'freshness(column) < 1d' goes through Soda's metric check parser:
// it takes the metric keys and ignores what a freshness check has no use for. The legacy 'freshness using column ...' has its own
// parser: with a threshold on the line it never looks at the configuration; with the threshold under 'warn:'/'fail:' it takes
// only name, warn, fail and attributes, and needs a 'filter' it then reports ("Invalid freshness configuration key filter").
using Sodalite.Engine.CheckTypes.MetricCheck;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.FreshnessCheck;

/// <summary>
/// How a freshness check is written: <c>freshness(column) &lt; 1d</c>, or the legacy <c>freshness using column with var &lt; 1d</c>;
/// it takes the column's configurations.
/// </summary>
public sealed class FreshnessSyntax : ICheckSyntax
{
    private static readonly string[] LegacyKeys = ["name", "warn", "fail", "attributes", "group_value"];

    /// <inheritdoc/>
    public string Description => "freshness";

    /// <inheritdoc/>
    public bool Claims(CheckLine line) => line is FreshnessUsingLine or MetricCheckLine { HistoryPrefix: null, Metric: "freshness" };

    /// <inheritdoc/>
    public string? Column(CheckLine? line) => line switch
    {
        FreshnessUsingLine f => f.Column,
        MetricCheckLine m => MetricSyntax.ColumnOf(m),
        _ => null,
    };

    /// <inheritdoc/>
    public bool TakesColumnConfigurations => true;

    /// <summary>
    /// The legacy form with a threshold on its line: every key is taken and ignored, the name too (Soda's parser never reads them;
    /// the attributes, which Soda reads for every check, are kept). The
    /// metric form: '&lt;metric&gt; query', 'sql_file' and 'expression' are taken and ignored (a freshness check computes its own).
    /// </summary>
    public CheckDefinition? Read(CheckDefinition check, CheckConfigEntry entry, CheckConfigReader reader) => check.Parsed switch
    {
        FreshnessUsingLine { Threshold: not null } when entry.Key != "attributes" => check,
        MetricCheckLine m when entry.Key == $"{m.Metric} query" || entry.Key == $"{m.Metric} sql_file" || entry.Key == $"{m.Metric} expression" => check,
        _ => null,
    };

    /// <inheritdoc/>
    public KeyRejection? Rejects(string key, CheckDefinition check) => check.Parsed switch
    {
        FreshnessUsingLine when key == "filter" => new KeyRejection($"Invalid freshness configuration key {key}", StillRead: true),
        FreshnessUsingLine when !LegacyKeys.Contains(key) => new KeyRejection($"Invalid freshness configuration key {key}"),
        FreshnessUsingLine => null,
        _ => MetricSyntax.MetricRejects(key),
    };

    /// <summary>
    /// The legacy form without a threshold on its line: without one under 'warn:'/'fail:' either, or without a 'filter' (which its
    /// parser strips whether or not it is there), Soda fails and stops reading the file ("Could not add SodaCL file").
    /// </summary>
    public void Begin(CheckDefinition check, CheckConfigEntry[] entries, CheckConfigReader reader)
    {
        if (check.Parsed is not FreshnessUsingLine { Threshold: null } legacy) return;
        if (!entries.Any(e => e.Key is "warn" or "fail"))
            throw new SodaClFileException(reader.FilePath,
                $"the legacy freshness check \"{check.Line}\" has no threshold; write freshness({legacy.Column}) < 1d.", check.Location);
        if (!entries.Any(e => e.Key == "filter"))
            throw new SodaClFileException(reader.FilePath,
                $"the legacy freshness check \"{check.Line}\" has its threshold under warn/fail and no 'filter', which Soda cannot read; write freshness({legacy.Column}) < 1d instead.",
                check.Location);
    }
}
