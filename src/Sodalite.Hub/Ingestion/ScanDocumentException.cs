namespace Sodalite.Hub.Ingestion;

/// <summary>A document the hub cannot store, with the JSON path of the field at fault.</summary>
public sealed class ScanDocumentException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
