namespace Sodalite.Results.Model;

/// <summary>The group of a check run per group by <c>{"identity", "name", "distinctLabel"}</c>: the group by check's identity and name, and the group's label.</summary>
public sealed record CheckGroup(string Identity, string Name, string DistinctLabel);
