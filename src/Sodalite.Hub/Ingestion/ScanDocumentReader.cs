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
}
