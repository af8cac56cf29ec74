namespace Sodalite.Results.Model;

/// <summary>
/// A check's diagnostics object. Its shape depends on the check: <see cref="MetricCheckDiagnostics"/> (most checks,
/// freshness included), <see cref="SchemaCheckDiagnostics"/>, <see cref="RowCountComparisonDiagnostics"/>, or
/// <see cref="OtherDiagnostics"/> for a shape this model does not know (kept as read).
/// </summary>
public abstract record CheckDiagnostics
{
    private protected CheckDiagnostics() { }

    /// <summary>diagnostics.value: the value the check judged (null when not computed, and for a schema check, which has none).</summary>
    public abstract ResultValue? Value { get; }
}
