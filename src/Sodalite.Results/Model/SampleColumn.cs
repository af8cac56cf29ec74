namespace Sodalite.Results.Model;

/// <summary>A sample's column <c>{"name", "type"}</c>, the type as the database names it.</summary>
public sealed record SampleColumn(string? Name, string? Type);
