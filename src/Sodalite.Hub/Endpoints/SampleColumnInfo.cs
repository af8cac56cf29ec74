namespace Sodalite.Hub.Endpoints;

/// <summary>A column of a failed-row sample.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">Its type as the database names it.</param>
public sealed record SampleColumnInfo(string? Name, string? Type);
