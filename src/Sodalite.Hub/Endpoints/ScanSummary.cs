namespace Sodalite.Hub.Endpoints;

/// <summary>A stored scan, as GET /api/v2/scans lists it (newest first).</summary>
/// <param name="Id">The scan's id.</param>
/// <param name="SourceId">The id of the source it was pushed under.</param>
/// <param name="DefinitionName">The scan definition's name (Soda's definitionName).</param>
/// <param name="DataSourceName">The data source the scan ran on.</param>
/// <param name="DataTimestamp">The scan's data timestamp.</param>
/// <param name="ScanStart">When the scan started, if the document says.</param>
/// <param name="ScanEnd">When the scan ended, if the document says.</param>
/// <param name="HasErrors">The document's hasErrors.</param>
/// <param name="HasWarnings">The document's hasWarnings.</param>
/// <param name="HasFailures">The document's hasFailures.</param>
/// <param name="ErrorCount">How many error records the document's logs have.</param>
/// <param name="ErroredChecks">How many checks the logs name as not evaluated.</param>
/// <param name="ReceivedAt">When the hub stored it (UTC).</param>
public sealed record ScanSummary(int Id, int SourceId, string DefinitionName, string DataSourceName, DateTimeOffset DataTimestamp,
    DateTimeOffset? ScanStart, DateTimeOffset? ScanEnd, bool HasErrors, bool HasWarnings, bool HasFailures, int ErrorCount, int ErroredChecks, DateTimeOffset ReceivedAt);
