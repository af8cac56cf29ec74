namespace Sodalite.Engine.CheckTypes.SchemaCheck;

/// <summary>The violations of one level (warn or fail).</summary>
public sealed record SchemaEvents(
    IReadOnlyList<string> Missing, IReadOnlyList<string> Present,
    IReadOnlyList<(string Column, string Expected, string Actual)> TypeMismatches,
    IReadOnlyList<(string Column, int Expected, int Actual, string? OnExpected)> IndexMismatches)
{
    public int Count => Missing.Count + Present.Count + TypeMismatches.Count + IndexMismatches.Count;

    public static readonly SchemaEvents None = new([], [], [], []);
}
