// The hub's limits on failed-row samples, one place for every way a sample arrives (a pushed document's failedRowSamples[],
// Soda Core's HTTP sampler): at most HubOptions.SampleRowsPerCheck rows per check and HubOptions.SampleBytesPerScan bytes of
// rows (as JSON) per scan, in arrival order.
using Sodalite.Results.Model;
using Sodalite.Results.Soda;

namespace Sodalite.Hub.Ingestion;

/// <summary>Cuts a sample's rows to the hub's limits.</summary>
public static class SampleLimits
{
    /// <summary>One row as the hub keeps it: a JSON array of its values.</summary>
    public static string RowJson(IEnumerable<ResultValue?> row) => "[" + string.Join(", ", row.Select(SodaJsonWriter.Write)) + "]";

    /// <summary>
    /// Keeps the first rows of <paramref name="rows"/> (each a JSON array) that fit in <paramref name="rowsPerCheck"/> rows and in
    /// <paramref name="budget"/> bytes, which it decreases by what it uses; returns them as one JSON array, how many, and whether
    /// any were cut.
    /// </summary>
    public static (string RowsJson, int Stored, bool Truncated) Keep(IReadOnlyCollection<string> rows, int rowsPerCheck, ref long budget)
    {
        var kept = new List<string>();
        bool truncated = rows.Count > rowsPerCheck;
        long used = 2;
        foreach (string json in rows.Take(rowsPerCheck))
        {
            if (used + json.Length + 2 > budget) { truncated = true; break; }
            used += json.Length + 2;
            kept.Add(json);
        }
        budget -= used;
        return ("[" + string.Join(", ", kept) + "]", kept.Count, truncated);
    }
}
