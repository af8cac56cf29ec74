// Where history-aware checks (change over time, anomaly detection, schema changes) get past metric values, and where a scan
// leaves its own: a local SQLite file (SqliteMetricHistory) or the hub. design.md §2: the engine defines this interface.
using Sodalite.Results.Model;

namespace Sodalite.Engine.History;

/// <summary>A store of metric values over time, keyed by metric identity.</summary>
public interface IMetricHistory : IAsyncDisposable
{
    /// <summary>Where the history is, for messages (a file path or a URL).</summary>
    string Location { get; }

    /// <summary>
    /// Completes when the store can be read and written. A store that opens in the background (<see cref="DeferredMetricHistory"/>)
    /// finishes opening here; others are ready when made.
    /// </summary>
    /// <exception cref="HistoryException">The store could not be opened.</exception>
    Task OpenedAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// The recorded values of each of <paramref name="identities"/>, newest first (by data timestamp, then scan timestamp); an
    /// identity without any is absent from the answer.
    /// </summary>
    /// <exception cref="HistoryException">The store cannot be read.</exception>
    Task<IReadOnlyDictionary<string, IReadOnlyList<HistoricMeasurement>>> ReadAsync(IReadOnlyCollection<string> identities, CancellationToken ct);

    /// <summary>
    /// Records every metric of <paramref name="scan"/> under its identity, data timestamp and scan timestamp. A value already
    /// recorded for the same identity and timestamps is kept as it is, so appending the same results twice adds nothing.
    /// </summary>
    /// <returns>How many values were added.</returns>
    /// <exception cref="HistoryException">The store cannot be written.</exception>
    Task<int> AppendAsync(ScanResult scan, CancellationToken ct);
}
