namespace Sodalite.Engine.Planning;

/// <summary>
/// A failed-rows sample the scan runs when its metric finds failing rows (<see cref="Trigger"/>): a conditional statement of the
/// plan. Its number in Soda's query names is given when it runs (Soda numbers queries in the order they are made, and a sample is
/// made only when due), so the plan holds the name after the number: <c>.pg.orders.email.failed_rows[missing_count]</c>.
/// </summary>
public sealed record PlannedSample
{
    /// <summary>The metric whose failing rows are sampled; the sample is stored on its measurement.</summary>
    public required Metric Metric { get; init; }
    /// <summary>The check line the sample serves (for the dry-run listing).</summary>
    public required string Serves { get; init; }
    /// <summary>The query name after its number, starting with '.', e.g. <c>.pg.orders.failed_rows[failed rows]</c>.</summary>
    public required string NameAfterNumber { get; init; }
    /// <summary>The bounded statement that reads the sample (with its LIMIT).</summary>
    public required string Sql { get; init; }
    /// <summary>Duplicates whose keys were kept at run time: the statement that reads the sample from the kept keys instead.</summary>
    public string? KeptKeysSql { get; init; }
    /// <summary>The rows limit (<c>samples limit</c>, or the data source's default).</summary>
    public required int Limit { get; init; }
    /// <summary>When the sample runs.</summary>
    public required SampleTrigger Trigger { get; init; }
    /// <summary>
    /// Soda's failing and passing row queries, listed in <c>queries[]</c> (never run) as <c>NAME.failing_sql</c> and
    /// <c>NAME.passing_sql</c>; null for a failed rows check, whose sample Soda shows as a plain "Failed Rows" file.
    /// </summary>
    public (string Failing, string Passing)? Listed { get; init; }
    /// <summary>The name the listed failing/passing queries take: a reference check's count query name; null to use the sample's own.</summary>
    public string? ListedUnder { get; init; }
    /// <summary>A failed rows check: its count is the sample's total (Soda counts the rows its sample query returns).</summary>
    public bool CountIsTotal { get; init; }
}
