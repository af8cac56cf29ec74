namespace Sodalite.Hub.Pages.Models;

/// <summary>One cell of an outcome strip: the scan, its data timestamp and the outcome (pass, warn, fail, error).</summary>
public sealed record StripCell(int ScanId, DateTimeOffset DataTimestamp, string Outcome);
