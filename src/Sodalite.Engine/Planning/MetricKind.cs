namespace Sodalite.Engine.Planning;

/// <summary>Where a metric's value comes from, which tells the planner which statement computes it.</summary>
public enum MetricKind
{
    /// <summary>An expression in the dataset's aggregation statement (row_count, counts, aggregates, user expressions).</summary>
    Aggregate,
    /// <summary>duplicate_count: a statement of its own over the duplicated key tuples.</summary>
    Duplicate,
    /// <summary>A percentage computed from a count and a row count after the statements ran (Soda's formula, rounded to 2 places).</summary>
    Derived,
    /// <summary>The dataset's columns from the catalog.</summary>
    Schema,
    /// <summary>The count of source rows without (or with) a match in the reference dataset.</summary>
    Reference,
    /// <summary>A row count on another configured data source.</summary>
    RemoteRowCount,
    /// <summary>A user's "X query:" statement.</summary>
    UserQuery,
    /// <summary>The row count of a failed rows check's 'fail query'.</summary>
    FailedRowsQuery,
    /// <summary>A group by check's rows (groups).</summary>
    GroupBy,
    /// <summary>A nested group by check's value in one group, read from the group's row.</summary>
    GroupValue,
    /// <summary>A metric Soda lists without a value (never computed).</summary>
    Unresolved,
}
