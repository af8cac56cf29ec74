namespace Sodalite.Engine.Planning;

/// <summary>Failed rows collected for a metric: their columns and how many rows the sample query returned.</summary>
public sealed record Sample(IReadOnlyList<(string Name, string Type)> Columns, int RowCount)
{
    /// <summary>How many rows failed in all, when known apart from the (limited) sample; null when it is <see cref="RowCount"/>.</summary>
    public long? TotalRowCount { get; init; }
}
