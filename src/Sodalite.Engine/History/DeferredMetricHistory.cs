// A metric history that opens while the scan parses its checks and connects (issue 17: start-up). Opening the SQLite file costs a
// small scan tens of milliseconds (the native library, WAL, the table); on a second core it costs none of the scan's wall time.
using Sodalite.Results.Model;

namespace Sodalite.Engine.History;

/// <summary>
/// An <see cref="IMetricHistory"/> whose store is still being opened by <paramref name="opening"/>: every member waits for it. When the
/// opening fails, <see cref="OpenedAsync"/>, <see cref="ReadAsync"/> and <see cref="AppendAsync"/> throw its
/// <see cref="HistoryException"/>; disposing disposes the opened store, or nothing.
/// </summary>
/// <param name="location">Where the store is (for messages), known before it is open.</param>
/// <param name="opening">The task opening the store; a <see cref="HistoryException"/> when it cannot.</param>
public sealed class DeferredMetricHistory(string location, Task<IMetricHistory> opening) : IMetricHistory
{
    /// <inheritdoc/>
    public string Location => location;

    /// <inheritdoc/>
    public Task OpenedAsync(CancellationToken ct) => opening.WaitAsync(ct);

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<HistoricMeasurement>>> ReadAsync(IReadOnlyCollection<string> identities, CancellationToken ct) =>
        await (await opening.WaitAsync(ct)).ReadAsync(identities, ct);

    /// <inheritdoc/>
    public async Task<int> AppendAsync(ScanResult scan, CancellationToken ct) => await (await opening.WaitAsync(ct)).AppendAsync(scan, ct);

    /// <summary>Waits for the opening to end, then disposes the store it opened (a failed opening left nothing to dispose).</summary>
    public async ValueTask DisposeAsync()
    {
        IMetricHistory store;
        try
        {
            store = await opening;
        }
        catch (HistoryException)
        {
            return;
        }
        await store.DisposeAsync();
    }
}
