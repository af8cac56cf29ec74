namespace Sodalite.Engine.Planning;

/// <summary>The count of source rows without (or, for "must not exist", with) a match in the target dataset: one join statement.</summary>
public sealed class ReferenceMetric : Metric
{
    /// <summary>The source columns, as written.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>The target dataset.</summary>
    public required string TargetTable { get; init; }

    /// <summary>The target columns, paired in order with <see cref="Columns"/>.</summary>
    public required IReadOnlyList<string> TargetColumns { get; init; }

    /// <summary>True for "must not exist": a failing row is one that has a match.</summary>
    public bool MustNotExist { get; init; }
}
