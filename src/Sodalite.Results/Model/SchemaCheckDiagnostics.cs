namespace Sodalite.Results.Model;

/// <summary>
/// The diagnostics of a schema check (spec/sodacl.md §2.7), in this key order: blocks (the measured columns as CSV, then the
/// events), column_additions, column_deletions, column_index_changes, column_index_mismatches, column_type_changes,
/// column_type_mismatches, missing_column_names, present_column_names, preferredChart, valueLabel, valueSeries
/// (<c>{"values": [...]}</c>). There is no value.
/// </summary>
public sealed record SchemaCheckDiagnostics(IReadOnlyList<DiagnosticsBlock> Blocks) : CheckDiagnostics
{
    /// <summary>A schema check has no diagnostics.value: null.</summary>
    public override ResultValue? Value => null;

    /// <summary>column_additions: columns added since the last scan (Soda Cloud's schema history; empty otherwise).</summary>
    public IReadOnlyList<ResultValue?> ColumnAdditions { get; init; } = [];

    /// <summary>column_deletions: columns removed since the last scan (Soda Cloud; empty otherwise).</summary>
    public IReadOnlyList<ResultValue?> ColumnDeletions { get; init; } = [];

    /// <summary>column_index_changes: columns moved since the last scan (Soda Cloud; an empty dict otherwise).</summary>
    public ObjectValue ColumnIndexChanges { get; init; } = new([]);

    /// <summary>column_index_mismatches: a dict from column to its expected and actual index.</summary>
    public IReadOnlyList<ColumnIndexMismatch> ColumnIndexMismatches { get; init; } = [];

    /// <summary>column_type_changes: columns whose type changed since the last scan (Soda Cloud; an empty dict otherwise).</summary>
    public ObjectValue ColumnTypeChanges { get; init; } = new([]);

    /// <summary>column_type_mismatches: a dict from column to its expected and actual type.</summary>
    public IReadOnlyList<ColumnTypeMismatch> ColumnTypeMismatches { get; init; } = [];

    /// <summary>missing_column_names: required columns not found (warn level's, then fail level's).</summary>
    public IReadOnlyList<string> MissingColumnNames { get; init; } = [];

    /// <summary>present_column_names: forbidden columns found (warn level's, then fail level's).</summary>
    public IReadOnlyList<string> PresentColumnNames { get; init; } = [];

    /// <summary>preferredChart: "bars".</summary>
    public string PreferredChart { get; init; } = "bars";

    /// <summary>valueLabel: "N schema event(s)".</summary>
    public string? ValueLabel { get; init; }

    /// <summary>valueSeries.values: the number of fail, warn and pass events.</summary>
    public IReadOnlyList<SchemaEventCount> ValueSeries { get; init; } = [];
}
