using Sodalite.Engine.CheckTypes.MetricCheck;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.HistoryChecks;

/// <summary>How a distribution check is written (spec/sodacl.md §1.3): <c>distribution_difference(column, dro_name) &gt; 0.05</c> with its reference keys.</summary>
public sealed class DistributionSyntax : ICheckSyntax
{
    private static readonly string[] OwnKeys = ["distribution reference file", "distribution_type", "dro name", "sample"];

    /// <inheritdoc/>
    public string Description => "distribution";

    /// <inheritdoc/>
    public bool Claims(CheckLine line) => line is MetricCheckLine { HistoryPrefix: null, Metric: "distribution_difference" };

    /// <inheritdoc/>
    public string? Column(CheckLine? line) => line is MetricCheckLine m ? MetricSyntax.ColumnOf(m) : null;

    /// <summary>Soda's metric parser reports no unknown key of a distribution check.</summary>
    public bool ReportsUnknownKeys => false;

    /// <summary>Accepts the distribution reference keys (the check itself is reported: it needs Soda's scientific package).</summary>
    public CheckDefinition? Read(CheckDefinition check, CheckConfigEntry entry, CheckConfigReader reader) =>
        OwnKeys.Contains(entry.Key) ? check : null;
}
