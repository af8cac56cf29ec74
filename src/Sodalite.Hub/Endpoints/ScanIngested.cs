using Sodalite.Hub.Ingestion;

namespace Sodalite.Hub.Endpoints;

/// <summary>
/// The answer of POST /api/v2/scans: what storing one Soda results document did (201 when stored, 200 when the same document
/// or idempotency key was stored before: then duplicate is true and nothing new was stored).
/// </summary>
/// <param name="ScanId">The stored scan's id.</param>
/// <param name="Duplicate">True when the document was stored before.</param>
/// <param name="Results">How many check results were stored.</param>
/// <param name="Metrics">How many metric values were stored.</param>
/// <param name="Issues">How many issues the scan opened, updated, resolved and reopened.</param>
/// <param name="Score">The dataset's score after the scan (0-1), null without a judged check.</param>
public sealed record ScanIngested(int ScanId, bool Duplicate, int Results, int Metrics, IssueCounts Issues, double? Score);
