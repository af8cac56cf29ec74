namespace Sodalite.Results.Model;

/// <summary>A column_type_mismatches entry: <c>"column": {"expected_type", "actual_type"}</c>.</summary>
public sealed record ColumnTypeMismatch(string Column, string? ExpectedType, string? ActualType);
