namespace Sodalite.Engine.Execution;

/// <summary>An executed (or listed) query, as it appears in the results' queries[].</summary>
public sealed record QueryLog(string Name, string DataSource, string? Table, string? Partition, string? Column,
    string Sql, string? Exception, TimeSpan? Duration);
