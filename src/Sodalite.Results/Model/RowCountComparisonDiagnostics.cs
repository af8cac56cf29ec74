namespace Sodalite.Results.Model;

/// <summary>
/// The diagnostics of <c>row_count same as T</c> <c>{"value", "rowCount", "otherRowCount"[, "fail"][, "warn"]}</c>:
/// the difference and both counts, and no blocks.
/// </summary>
public sealed record RowCountComparisonDiagnostics(ResultValue? Value, ResultValue? RowCount, ResultValue? OtherRowCount) : CheckDiagnostics
{
    /// <inheritdoc/>
    public override ResultValue? Value { get; } = Value;

    /// <summary>fail: the zone of differences that fail.</summary>
    public ThresholdZone? Fail { get; init; }

    /// <summary>warn: the zone of differences that warn.</summary>
    public ThresholdZone? Warn { get; init; }
}
