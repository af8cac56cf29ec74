using Sodalite.Engine.CheckTypes.MetricCheck;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.FreshnessCheck;

/// <summary>
/// How a freshness check is written (spec/sodacl.md §2.5): <c>freshness(column) &lt; 1d</c>, or the legacy
/// <c>freshness using column with var &lt; 1d</c>; it takes 'filter' and the column's configurations.
/// </summary>
public sealed class FreshnessSyntax : ICheckSyntax
{
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

    /// <inheritdoc/>
    public bool TakesMetricKey(string key) => key == "filter";
}
