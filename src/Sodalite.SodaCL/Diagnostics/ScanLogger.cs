namespace Sodalite.SodaCL.Diagnostics;

/// <summary>Collects the records of one scan, in order; an optional sink sees each as it arrives.</summary>
public sealed class ScanLogger(TimeProvider time, Action<ScanLog>? sink = null)
{
    private readonly List<ScanLog> _logs = [];

    public IReadOnlyList<ScanLog> Logs => _logs;
    public bool HasErrors => ErrorCount > 0;

    /// <summary>How many error records so far (kept as they arrive, so callers can tell whether a step logged one).</summary>
    public int ErrorCount { get; private set; }

    public void Log(ScanLogLevel level, string message, SourceLocation? location = null, string? doc = null, string? exception = null)
    {
        var log = new ScanLog(level, message, time.GetUtcNow(), location, doc, exception);
        _logs.Add(log);
        if (level == ScanLogLevel.Error) ErrorCount++;
        sink?.Invoke(log);
    }

    public void Info(string message, SourceLocation? location = null) => Log(ScanLogLevel.Info, message, location);
    public void Warning(string message, SourceLocation? location = null, string? doc = null) => Log(ScanLogLevel.Warning, message, location, doc);
    public void Error(string message, SourceLocation? location = null, string? doc = null, string? exception = null) => Log(ScanLogLevel.Error, message, location, doc, exception);
    public void Debug(string message) => Log(ScanLogLevel.Debug, message);
}
