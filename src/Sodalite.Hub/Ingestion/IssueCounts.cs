namespace Sodalite.Hub.Ingestion;

/// <summary>How many issues one ingested scan opened, updated, resolved and reopened.</summary>
public sealed record IssueCounts(int Opened, int Updated, int Resolved, int Reopened);
