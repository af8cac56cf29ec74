namespace Sodalite.Hub.Endpoints;

/// <summary>An error or warning record of a scan's logs (in ScanDetail.logs).</summary>
/// <param name="Index">Its index in the document's logs (1-based).</param>
/// <param name="Level">error or warning.</param>
/// <param name="Message">The message (at most 8000 characters).</param>
/// <param name="Location">Where in a checks file it points, "file:line:col", when it does.</param>
public sealed record ScanLogInfo(int Index, string Level, string Message, string? Location);
