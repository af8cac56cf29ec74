namespace Sodalite.Results.Model;

/// <summary>
/// The diagnostics of a metric check <c>{"blocks", "value"[, "fail"][, "warn"]}</c>, followed for a freshness check by
/// <c>"measure": "time"</c> and the <see cref="FreshnessMeasurement"/> keys.
/// </summary>
public sealed record MetricCheckDiagnostics(IReadOnlyList<DiagnosticsBlock> Blocks, ResultValue? Value) : CheckDiagnostics
{
    /// <inheritdoc/>
    public override ResultValue? Value { get; } = Value;

    /// <summary>fail: the zone of values that fail; null when the check has no fail threshold.</summary>
    public ThresholdZone? Fail { get; init; }

    /// <summary>warn: the zone of values that warn; null when the check has no warn threshold.</summary>
    public ThresholdZone? Warn { get; init; }

    /// <summary>What a freshness check measured; null for other checks.</summary>
    public FreshnessMeasurement? Freshness { get; init; }
}
