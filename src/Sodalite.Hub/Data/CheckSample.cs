using System.Text.Json;

namespace Sodalite.Hub.Data;

/// <summary>
/// The failed-row sample of one <see cref="Data.Check"/> in one <see cref="Data.Scan"/>, as the pushed document's
/// <c>failedRowSamples[]</c> carried it, bounded by <see cref="HubOptions.SampleRowsPerCheck"/> and
/// <see cref="HubOptions.SampleBytesPerScan"/>; none are kept when <see cref="HubOptions.StoreSamples"/> is off.
/// </summary>
public sealed class CheckSample
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The <see cref="Data.Scan"/> that collected it.</summary>
    public int ScanId { get; set; }
    /// <summary>The <see cref="Data.Check"/> whose failing rows these are.</summary>
    public int CheckId { get; set; }
    /// <summary>The columns, JSON <c>[{"name", "type"}]</c>.</summary>
    public required string ColumnsJson { get; set; }
    /// <summary>The rows kept, JSON <c>[[value, ...], ...]</c> in column order.</summary>
    public required string RowsJson { get; set; }
    /// <summary>How many rows are kept in <see cref="RowsJson"/>.</summary>
    public int StoredRowCount { get; set; }
    /// <summary>How many rows failed in all, when the scan knew it.</summary>
    public long? TotalRowCount { get; set; }
    /// <summary>True when the hub's limits cut rows from what was sent.</summary>
    public bool Truncated { get; set; }

    /// <summary>The columns of <see cref="ColumnsJson"/> as (name, type). Throws <see cref="JsonException"/> or
    /// <see cref="InvalidOperationException"/> when the stored text is not that shape.</summary>
    public IReadOnlyList<(string? Name, string? Type)> ReadColumns()
    {
        using var doc = JsonDocument.Parse(ColumnsJson);
        return [.. doc.RootElement.EnumerateArray().Select(c => (Text(c, "name"), Text(c, "type")))];
    }

    /// <summary>The rows of <see cref="RowsJson"/>, each a list of JSON values in column order (cloned: they outlive the parse).
    /// Throws <see cref="JsonException"/> or <see cref="InvalidOperationException"/> when the stored text is not that shape.</summary>
    public IReadOnlyList<IReadOnlyList<JsonElement>> ReadRows()
    {
        using var doc = JsonDocument.Parse(RowsJson);
        return [.. doc.RootElement.EnumerateArray().Select(r => (IReadOnlyList<JsonElement>)[.. r.EnumerateArray().Select(v => v.Clone())])];
    }

    private static string? Text(JsonElement column, string key) => column.TryGetProperty(key, out var v) ? v.GetString() : null;
}
