namespace Sodalite.Hub.Pages.Models;

/// <summary>A scan as pages link it: its id, the instant its data is as of, and whether its results document logged errors.</summary>
public sealed record ScanRef(int Id, DateTimeOffset DataTimestamp, bool HasErrors);
