using Sodalite.Engine.CheckTypes.MetricCheck;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.ChangeOverTimeCheck;

/// <summary>How a change-over-time check is written (spec/sodacl.md §1.3): <c>change [avg|min|max last N] [percent] for metric threshold</c>.</summary>
public sealed class ChangeOverTimeSyntax : ICheckSyntax
{
    /// <inheritdoc/>
    public string Description => "change over time";

    /// <inheritdoc/>
    public bool Claims(CheckLine line) => line is MetricCheckLine { HistoryPrefix: { } p } && p.StartsWith("change", StringComparison.Ordinal);

    /// <inheritdoc/>
    public string? Column(CheckLine? line) => line is MetricCheckLine m ? MetricSyntax.ColumnOf(m) : null;

    /// <inheritdoc/>
    public KeyRejection? Rejects(string key, CheckDefinition check) => MetricSyntax.MetricRejects(key);
}
