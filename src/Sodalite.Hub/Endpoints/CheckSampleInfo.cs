using System.Text.Json;

namespace Sodalite.Hub.Endpoints;

/// <summary>A failed-row sample the hub kept, as GET /api/v2/checks/{id}/samples answers.</summary>
/// <param name="ScanId">The scan that collected it.</param>
/// <param name="Columns">Its columns, with the database's type names.</param>
/// <param name="Rows">Its rows, each a list of JSON values in column order (text, numbers, booleans, null).</param>
/// <param name="StoredRowCount">How many rows are kept.</param>
/// <param name="TotalRowCount">How many rows failed in all, when the scan knew it.</param>
/// <param name="Truncated">True when the hub's sample limits cut rows from what the scan sent.</param>
public sealed record CheckSampleInfo(int ScanId, IReadOnlyList<SampleColumnInfo> Columns, IReadOnlyList<IReadOnlyList<JsonElement>> Rows,
    int StoredRowCount, long? TotalRowCount, bool Truncated);
