namespace Sodalite.Results.Model;

/// <summary>A column_index_mismatches entry: <c>"column": {"expected_index", "actual_index", "column_on_expected_index"}</c> (0-based).</summary>
public sealed record ColumnIndexMismatch(string Column, int ExpectedIndex, int ActualIndex, string? ColumnOnExpectedIndex);
