namespace Sodalite.Engine.Planning;

/// <summary>What a planned statement computes, which tells the executor how to read its result.</summary>
public enum QueryKind
{
    /// <summary>One row of aggregate values, one column per metric.</summary>
    Aggregation,
    /// <summary>One count of duplicated key tuples.</summary>
    Duplicate,
    /// <summary>A table's columns from the catalog (name, type, nullable).</summary>
    Schema,
    /// <summary>One count of rows without a match in the reference table.</summary>
    Reference,
    /// <summary>A user's "X query:": the last non-NULL column of its first row, as a number.</summary>
    UserQuery,
    /// <summary>The count of a failed rows check's query (wrapped in COUNT(*)).</summary>
    FailedRowsQuery,
    /// <summary>A group by check's query: every row (group) with its columns.</summary>
    GroupBy,
    /// <summary>A group evolution check's query: its groups, the first column's non-null values.</summary>
    GroupEvolution,
}
