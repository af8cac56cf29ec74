namespace Sodalite.Hub.Ingestion;

/// <summary>
/// What ingesting one scan results document stored: the scan's id, whether the same document was already stored (then nothing
/// new was), how many check results and metric values, the issue changes, and the dataset's score after it (0–1; null without a
/// judged check).
/// </summary>
public sealed record IngestResult(int ScanId, bool Duplicate, int Results, int Metrics, IssueCounts Issues, double? Score);
