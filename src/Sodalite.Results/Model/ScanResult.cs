// The results of one scan, as Soda Core v3 reports them (its -srf file, spec/sodacl.md §4): what the engine produces,
// what the Soda JSON writer writes and reader reads, and what the QALITA artifacts, the push and the hub are made from.
namespace Sodalite.Results.Model;

/// <summary>
/// One scan's results: Soda's top-level keys (spec/sodacl.md §4.2), in the order the writer writes them. Timestamps are
/// written in UTC to the second (<c>2024-01-31T12:00:00+00:00</c>).
/// </summary>
public sealed record ScanResult
{
    /// <summary>definitionName: the scan definition (<c>-s</c>, default "Soda Core CLI"); null when a document has none.</summary>
    public string? DefinitionName { get; init; }

    /// <summary>defaultDataSource: the data source scanned (<c>-d</c>); null when a document has none.</summary>
    public string? DefaultDataSource { get; init; }

    /// <summary>dataTimestamp: the time the data is about (<c>-t</c>, else the scan's start); null when absent or not a timestamp (a lenient read).</summary>
    public DateTimeOffset? DataTimestamp { get; init; }

    /// <summary>scanStartTimestamp; null when absent or not a timestamp.</summary>
    public DateTimeOffset? ScanStartTimestamp { get; init; }

    /// <summary>scanEndTimestamp; null when absent or not a timestamp.</summary>
    public DateTimeOffset? ScanEndTimestamp { get; init; }

    /// <summary>hasErrors: an error-level log exists.</summary>
    public bool HasErrors { get; init; }

    /// <summary>hasWarnings: a check warned.</summary>
    public bool HasWarnings { get; init; }

    /// <summary>hasFailures: a check failed.</summary>
    public bool HasFailures { get; init; }

    /// <summary>metrics[]: every metric computed (Soda lists them in no set order).</summary>
    public IReadOnlyList<ScanMetric> Metrics { get; init; } = [];

    /// <summary>checks[]: the checks that got an outcome, in the order Soda lists them.</summary>
    public IReadOnlyList<ScanCheck> Checks { get; init; } = [];

    /// <summary>queries[]: every query run, in execution order.</summary>
    public IReadOnlyList<ScanQuery> Queries { get; init; } = [];

    /// <summary>automatedMonitoringChecks[]: Soda Cloud's automated monitoring results, kept as read; empty for plain scans.</summary>
    public IReadOnlyList<ResultValue?> AutomatedMonitoringChecks { get; init; } = [];

    /// <summary>profiling[]: Soda's profiling results, kept as read; empty for plain scans.</summary>
    public IReadOnlyList<ResultValue?> Profiling { get; init; } = [];

    /// <summary>metadata[]: Soda's discovered datasets, kept as read; empty for plain scans.</summary>
    public IReadOnlyList<ResultValue?> Metadata { get; init; } = [];

    /// <summary>logs[]: the scan's log records, numbered from 1.</summary>
    public IReadOnlyList<ScanLogEntry> Logs { get; init; } = [];

    /// <summary>sourceOwner: "soda-core" in a -srf file; null when the document has none (Python's get_scan_results()).</summary>
    public string? SourceOwner { get; init; }

    /// <summary>
    /// failedRowSamples[]: the failed-row samples of the failing and warning checks, one per check that has one. Not part of
    /// Soda's format: <see cref="Soda.SodaJsonWriter.Write(ScanResult)"/> (the -srf file) leaves them out, the body pushed to the
    /// hub (<see cref="Soda.SodaJsonWriter.WritePushBody"/>) carries them as its last key. Empty when there are none.
    /// </summary>
    public IReadOnlyList<FailedRowSample> FailedRowSamples { get; init; } = [];

    /// <summary>The checks that list <paramref name="metricIdentity"/> among their metrics, in <see cref="Checks"/> order.</summary>
    public IEnumerable<ScanCheck> ChecksOf(string metricIdentity) => Checks.Where(c => c.Metrics.Contains(metricIdentity));
}
