namespace Sodalite.Results.Model;

/// <summary>
/// One queries[] entry <c>{"name", "dataSource", "table", "partition", "column", "sql", "exception", "duration"}</c>
/// (spec/sodacl.md §4.4). The name is <c>&lt;counter&gt;.&lt;ds&gt;[.&lt;table&gt;][.&lt;column&gt;].&lt;kind&gt;</c>.
/// </summary>
public sealed record ScanQuery(string? Name, string? DataSource, string? Table, string? Partition, string? Column, string? Sql)
{
    /// <summary>exception: the error the database gave, or null.</summary>
    public string? Exception { get; init; }

    /// <summary>duration: how long the query ran, written as Python's str(timedelta) (<c>0:00:00.001513</c>); null for a failing/passing rows query that was listed, not run.</summary>
    public TimeSpan? Duration { get; init; }
}
