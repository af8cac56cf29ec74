using Sodalite.Engine.CheckTypes.MetricCheck;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.HistoryChecks;

/// <summary>How an anomaly check is written (spec/sodacl.md §1.3): <c>anomaly score for metric &lt; default</c>, <c>anomaly detection for metric</c>.</summary>
public sealed class AnomalySyntax : ICheckSyntax
{
    /// <inheritdoc/>
    public string Description => "anomaly";

    /// <inheritdoc/>
    public bool Claims(CheckLine line) => line is MetricCheckLine { HistoryPrefix: { } p } && !p.StartsWith("change", StringComparison.Ordinal);

    /// <inheritdoc/>
    public string? Column(CheckLine? line) => line is MetricCheckLine m ? MetricSyntax.ColumnOf(m) : null;

    /// <inheritdoc/>
    public KeyRejection? Rejects(string key, CheckDefinition check) => MetricSyntax.MetricRejects(key);
}
