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

    /// <summary>The lock of <paramref name="source"/>, created on first use.</summary>
    public SemaphoreSlim For(string source) => _locks.GetOrAdd(source, _ => new SemaphoreSlim(1, 1));
}
