namespace Sodalite.SodaCL.Grammar;

/// <summary><c>row_count same as OTHER [partition] [in DS]</c>.</summary>
/// <param name="OtherTable">The table whose row count must be the same.</param>
/// <param name="OtherPartition">The other table's partition name (written in brackets or plain); null without.</param>
/// <param name="OtherDataSource">The data source of the other table (<c>in DS</c>); null: the check's own.</param>
public sealed record RowCountComparisonLine(string OtherTable, string? OtherPartition, string? OtherDataSource) : CheckLine;
