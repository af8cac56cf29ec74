namespace Sodalite.Engine.CheckTypes.SchemaCheck;

/// <summary>
/// The violations of one level (warn or fail): against the validations (missing, present, type and index mismatches) and, with
/// 'when schema changes', against the previous scan's schema (additions, deletions, type and index changes).
/// </summary>
public sealed record SchemaEvents(
    IReadOnlyList<string> Missing, IReadOnlyList<string> Present,
    IReadOnlyList<(string Column, string Expected, string Actual)> TypeMismatches,
    IReadOnlyList<(string Column, int Expected, int Actual, string? OnExpected)> IndexMismatches)
{
    /// <summary>Columns the previous schema did not have, in the measured order.</summary>
    public IReadOnlyList<string> Additions { get; init; } = [];

    /// <summary>Columns of the previous schema that are gone, in its order.</summary>
    public IReadOnlyList<string> Deletions { get; init; } = [];

    /// <summary>Columns whose type changed: previous and new type, in the measured order.</summary>
    public IReadOnlyList<(string Column, string Previous, string New)> TypeChanges { get; init; } = [];

    /// <summary>Columns whose position changed: previous and new 0-based index, in the measured order.</summary>
    public IReadOnlyList<(string Column, int Previous, int New)> IndexChanges { get; init; } = [];

    /// <summary>How many events the level found.</summary>
    public int Count => Missing.Count + Present.Count + TypeMismatches.Count + IndexMismatches.Count
        + Additions.Count + Deletions.Count + TypeChanges.Count + IndexChanges.Count;

    /// <summary>No events.</summary>
    public static readonly SchemaEvents None = new([], [], [], []);
}
