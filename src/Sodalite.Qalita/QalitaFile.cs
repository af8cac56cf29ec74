namespace Sodalite.Qalita;

/// <summary>One artifact of a QALITA upload.</summary>
/// <param name="Kind">recommendations, schemas or metrics: the upload endpoint's name.</param>
/// <param name="FileName">The multipart part's file name (metrics.json, ...).</param>
/// <param name="Content">The file's bytes.</param>
public sealed record QalitaFile(string Kind, string FileName, byte[] Content);
