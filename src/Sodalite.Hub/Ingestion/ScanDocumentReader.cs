// Reads a pushed results document (ours, real Soda Core's -srf file, or its get_scan_results() dict) with the shared
// reader, strictly: the error names the field that is wrong, so a client can fix its document.
using System.Text.Json;
using Sodalite.Results.Soda;

namespace Sodalite.Hub.Ingestion;

public static class ScanDocumentReader
{
    /// <summary>The document, or <see cref="ScanDocumentException"/> naming the first field at fault (see <see cref="SodaJsonReader.ReadStrict"/>).</summary>
    public static ScanDocument Read(JsonElement root)
    {
        try
        {
            return new ScanDocument(SodaJsonReader.ReadStrict(root));
        }
        catch (SodaJsonException e)
        {
            throw new ScanDocumentException(e.Field, e.Message);
        }
    }

    /// <summary>
    /// The first name or identity of the document the hub could not index (<see cref="InputGuard.KeyProblem"/>): a check's identity
    /// or table, a metric's identity; as (JSON path, detail), or null.
    /// </summary>
    public static (string Field, string Detail)? KeyProblem(ScanDocument doc)
    {
        var checks = doc.Result.Checks;
        for (int i = 0; i < checks.Count; i++)
        {
            if (InputGuard.KeyProblem(checks[i].Identity) is { } identity) return ($"$.checks[{i}].identity", $"The check's identity {identity}.");
            if (checks[i].Table is { } table && InputGuard.KeyProblem(table) is { } tableProblem) return ($"$.checks[{i}].table", $"The check's table {tableProblem}.");
        }
        var metrics = doc.Result.Metrics;
        for (int i = 0; i < metrics.Count; i++)
            if (InputGuard.KeyProblem(metrics[i].Identity) is { } identity) return ($"$.metrics[{i}].identity", $"The metric's identity {identity}.");
        return null;
    }
}
