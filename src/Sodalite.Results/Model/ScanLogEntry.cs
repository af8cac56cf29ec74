namespace Sodalite.Results.Model;

/// <summary>
/// One logs[] entry <c>{"level", "message", "timestamp", "index"}</c>, plus <c>"errorLocation"</c> and <c>"location"</c>
/// (the same place) and <c>"doc"</c> when set (spec/sodacl.md §4.5).
/// </summary>
public sealed record ScanLogEntry(LogEntryLevel Level, string Message, DateTimeOffset? Timestamp, int Index)
{
    /// <summary>Where in a checks or configuration file the record points; written as both errorLocation and location.</summary>
    public ResultLocation? Location { get; init; }

    /// <summary>doc: the slug of Soda's documentation page about the problem, e.g. "metric_check_configurations".</summary>
    public string? Doc { get; init; }
}
