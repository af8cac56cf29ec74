using Sodalite.Engine.Planning;

namespace Sodalite.Engine.Execution;

/// <summary>
/// What the scan measured for one metric: immutable; the executor records a new one for each fact it learns. A metric never
/// measured reads as <see cref="NotComputed"/>.
/// </summary>
public sealed record Measurement
{
    /// <summary>Nothing measured (yet): not computed, no value.</summary>
    public static readonly Measurement NotComputed = new();

    /// <summary>
    /// The value as the results document holds it: long (counts, integers), double, bool, DateOnly/DateTime/DateTimeOffset,
    /// TimeSpan, text, a schema's (name, type) columns, or a group by's rows; null when the query gave NULL or nothing ran.
    /// </summary>
    public object? Value { get; init; }

    /// <summary>Whether the statement computing the metric ran and gave its value (which may be NULL).</summary>
    public bool Computed { get; init; }

    /// <summary>
    /// A derived percentage whose count or row count was not computed: Soda's formula takes the missing value as 0, so the
    /// percentage is 0.0. This is the metric that was not computed; null when both were.
    /// </summary>
    public Metric? FromUncomputed { get; init; }

    /// <summary>The failed-rows sample collected for the metric, when its sample ran.</summary>
    public Sample? Sample { get; init; }

    /// <summary>The name the sample's failing/passing queries are listed under in queries[] (Soda's failed-rows block refers to them).</summary>
    public string? SampleQueryName { get; init; }

    /// <summary>A failed-rows sample with no failing/passing queries: Soda shows it as a plain "Failed Rows" file block.</summary>
    public bool SampleIsFile { get; init; }

    /// <summary>Group by: how many rows (groups) the query returned; may exceed the rows kept in <see cref="Value"/>.</summary>
    public long GroupCount { get; init; }

    /// <summary>A duplicate count: the temporary table holding its duplicated key tuples, when they were kept.</summary>
    public string? DuplicateKeysTable { get; init; }
}
