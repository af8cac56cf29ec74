// The metric check's lines and keys (spec/sodacl.md §1.3, §2): "metric(args) threshold" without history words; the keys every
// check shares and the metric keys (filter, missing/valid/invalid configuration, "<metric> expression/query") are read by the parser.
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.MetricCheck;

/// <summary>How a metric check is written: a metric line such as <c>missing_count(email) = 0</c> in any checks section.</summary>
public sealed class MetricSyntax : ICheckSyntax
{
    /// <inheritdoc/>
    public string Description => "metric";

    /// <inheritdoc/>
    public bool Claims(CheckLine line) =>
        line is MetricCheckLine { HistoryPrefix: null, Metric: not ("freshness" or "distribution_difference") };

    /// <inheritdoc/>
    public bool NeedsDataset => false;

    /// <inheritdoc/>
    public string? Column(CheckLine? line) => line is MetricCheckLine m ? ColumnOf(m) : null;

    /// <inheritdoc/>
    public bool TakesColumnConfigurations => true;

    /// <inheritdoc/>
    public KeyRejection? Rejects(string key, CheckDefinition check) => MetricRejects(key);

    /// <summary>
    /// Soda's metric check parser takes every key Sodalite reads for a metric except 'samples columns', which it reports as
    /// unsupported (Sodalite still projects the samples on those columns).
    /// </summary>
    public static KeyRejection? MetricRejects(string key) =>
        key == "samples columns" ? new KeyRejection($"Skipping unsupported check configuration: {key}", StillRead: true) : null;

    /// <summary>A metric line's column: its first argument, except for a duplicate_count over several columns (a dataset check).</summary>
    public static string? ColumnOf(MetricCheckLine line) =>
        line.Args.Count > 0 && !(line.Metric == "duplicate_count" && line.Args.Count > 1) ? line.Args[0] : null;
}
