// The parsed form of one check line (the ANTLR `check` rule of Soda Core, spec/sodacl.md §1.3).
namespace Sodalite.SodaCL.Grammar;

public abstract record CheckLine;

/// <summary><c>metric(args) threshold</c>, optionally prefixed by change-over-time or anomaly words.</summary>
public sealed record MetricCheckLine(string Metric, IReadOnlyList<string> Args, ThresholdExpression? Threshold,
    string? HistoryPrefix, bool DefaultThreshold) : CheckLine;

/// <summary><c>row_count same as OTHER [partition] [in DS]</c>.</summary>
public sealed record RowCountComparisonLine(string OtherTable, string? OtherPartition, string? OtherDataSource) : CheckLine;

/// <summary><c>values in (cols) must [not] exist in T (cols)</c>.</summary>
public sealed record ReferenceCheckLine(IReadOnlyList<string> SourceColumns, string TargetTable,
    IReadOnlyList<string> TargetColumns, bool MustNotExist) : CheckLine;

/// <summary>Legacy <c>freshness using col [with VAR] [&lt; 1d]</c>.</summary>
public sealed record FreshnessUsingLine(string Column, string? Variable, string? Threshold) : CheckLine;
