// A results document the hub stores: the shared results model, read by the shared reader (ScanDocumentReader).
using Sodalite.Results.Model;

namespace Sodalite.Hub.Ingestion;

/// <summary>
/// A scan's results the hub accepted for storage: read strictly (<see cref="ScanDocumentReader"/>), so its checks have an
/// identity and a name and it has a dataTimestamp; or made by the Soda Cloud webhook.
/// </summary>
public sealed record ScanDocument(ScanResult Result);
