namespace Sodalite.Engine.CheckTypes.GroupByCheck;

/// <summary>Which group a nested check ran on: the group by check's identity (v3), the nested check's name and the group's values (Soda's "distinctLabel").</summary>
public sealed record GroupInfo(string Identity, string Name, string DistinctLabel);
