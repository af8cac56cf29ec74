namespace Sodalite.Hub.Endpoints;

/// <summary>A stored scan with its check results, as GET /api/v2/scans/{id} answers.</summary>
/// <param name="Id">The scan's id.</param>
/// <param name="SourceId">The id of the source it was pushed under.</param>
/// <param name="DefinitionName">The scan definition's name (Soda's definitionName).</param>
/// <param name="DataSourceName">The data source the scan ran on.</param>
/// <param name="DataTimestamp">The scan's data timestamp.</param>
/// <param name="HasErrors">The document's hasErrors.</param>
/// <param name="HasWarnings">The document's hasWarnings.</param>
/// <param name="HasFailures">The document's hasFailures.</param>
/// <param name="ErrorCount">How many error records the document's logs have.</param>
/// <param name="Results">The scan's check results.</param>
/// <param name="ErroredChecks">The checks the scan could not evaluate, as its logs name them.</param>
/// <param name="Logs">The scan's error and warning records (at most 500), in order.</param>
public sealed record ScanDetail(int Id, int SourceId, string DefinitionName, string DataSourceName, DateTimeOffset DataTimestamp,
    bool HasErrors, bool HasWarnings, bool HasFailures, int ErrorCount, IReadOnlyList<ScanCheckResult> Results,
    IReadOnlyList<ErroredCheckInfo> ErroredChecks, IReadOnlyList<ScanLogInfo> Logs);
