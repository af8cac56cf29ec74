// The per-source ingestion locks of one hub.
using System.Collections.Concurrent;

namespace Sodalite.Hub.Ingestion;

/// <summary>
/// One lock per source name, shared by every ingestion of one hub (a DI singleton): issue updates of one source never
/// interleave. Not static, so two hubs in one process (as in the tests) do not share locks.
/// </summary>
public sealed class SourceLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    /// <summary>
    /// The one writer of a SQLite hub: SQLite lets one transaction write at a time and makes the others poll for the lock with growing
    /// sleeps, so concurrent ingests of one process queue here instead (latency in arrival order, not by luck).
    /// </summary>
    public SemaphoreSlim SqliteWriter { get; } = new(1, 1);

    /// <summary>The lock of <paramref name="source"/>, created on first use.</summary>
    public SemaphoreSlim For(string source) => _locks.GetOrAdd(source, _ => new SemaphoreSlim(1, 1));
}
