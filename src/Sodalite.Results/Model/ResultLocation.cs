namespace Sodalite.Results.Model;

/// <summary>A place in a checks file <c>{"filePath", "line", "col"}</c>: the path as given, 1-based line and column.</summary>
public sealed record ResultLocation(string? FilePath, int Line, int Col);
