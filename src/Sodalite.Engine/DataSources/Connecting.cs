// The scan's data source connection, made on the thread pool while the scan parses its checks (issue 17: a small scan's start-up
// is mostly parsing, loading the engine's library and connecting; on two cores the last two cost no wall time of their own).
using Sodalite.SodaCL.Diagnostics;

namespace Sodalite.Engine.DataSources;

/// <summary>
/// A connection being made in the background. Its log records are kept apart (a <see cref="ScanLogger"/> is not thread-safe) and
/// join the scan's log, in their order, when the scan takes the connection; a failure to connect is then the scan's error, as if it
/// had connected in line.
/// </summary>
internal sealed class Connecting
{
    private readonly DataSourceConfig _config;
    private readonly ScanLogger _log;
    private readonly Task<DataSource?> _task;
    private Exception? _error;

    private Connecting(DataSourceConfig config, TimeProvider time, CancellationToken ct)
    {
        _config = config;
        _log = new ScanLogger(time);
        _task = Task.Run(ConnectAsync, ct);

        async Task<DataSource?> ConnectAsync()
        {
            try
            {
                return await DataSource.ConnectAsync(config, ct, _log);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _error = e;
                return null;
            }
        }
    }

    /// <summary>Reports the Connecting stage and starts connecting to <paramref name="config"/>'s data source.</summary>
    public static Connecting Start(DataSourceConfig config, Action<ScanProgress>? onProgress, TimeProvider time, CancellationToken ct)
    {
        onProgress?.Invoke(new ScanProgress(ScanStage.Connecting, $"{config.Name} ({config.Type})", null, null, 0, 0));
        return new Connecting(config, time, ct);
    }

    /// <summary>
    /// Waits for the connection and hands it over (the caller disposes it): the records its making logged go to
    /// <paramref name="log"/>, and a failure is logged there as "Could not connect to data source" and gives null.
    /// </summary>
    /// <exception cref="OperationCanceledException">The scan was cancelled.</exception>
    public async Task<DataSource?> TakeAsync(ScanLogger log)
    {
        var ds = await _task;
        foreach (var l in _log.Logs) log.Log(l.Level, l.Message, l.Location, l.Doc, l.Exception);
        if (_error is { } e) log.Error($"Could not connect to data source \"{_config.Name}\": {e.Message}");
        return ds;
    }

    /// <summary>For a scan that stops before taking the connection: it is closed once made.</summary>
    public void Abandon() => _ = CloseWhenMadeAsync();

    private async Task CloseWhenMadeAsync()
    {
        DataSource? ds;
        try
        {
            ds = await _task;
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (ds is not null) await ds.DisposeAsync();
    }
}
