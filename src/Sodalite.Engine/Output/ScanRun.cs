using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Execution;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Diagnostics;

namespace Sodalite.Engine.Output;

/// <summary>Everything a finished scan produced, for the writers.</summary>
public sealed record ScanRun(
    string DefinitionName, string DataSourceName, DateTimeOffset DataTimestamp, DateTimeOffset Start, DateTimeOffset End,
    IReadOnlyList<Metric> Metrics, IReadOnlyList<CheckResult> Results, IReadOnlyList<QueryLog> Queries,
    IReadOnlyList<ScanLog> Logs, bool Verbose)
{
    /// <summary>What the scan measured for each of <see cref="Metrics"/>.</summary>
    public Measurements Measurements { get; init; } = new();

    /// <summary>Each scanned table's columns as its catalog lists them (for schemas.json), read when <see cref="ScanOptions.ReadTableColumns"/> is set; absent when not read.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(string Name, string Type)>> TableColumns { get; init; } =
        new Dictionary<string, IReadOnlyList<(string Name, string Type)>>();

    /// <summary>
    /// Row counts the scan ran for tables whose row_count no check measured (<see cref="ScanOptions.CountRows"/>); a table
    /// whose count failed is absent.
    /// </summary>
    public IReadOnlyDictionary<string, long> RowCounts { get; init; } = new Dictionary<string, long>();

    public int ExitCode =>
        Logs.Any(l => l.Level == ScanLogLevel.Error) ? 3
        : Results.Any(r => r.Outcome == CheckOutcome.Fail) ? 2
        : Results.Any(r => r.Outcome == CheckOutcome.Warn) ? 1
        : 0;
}
