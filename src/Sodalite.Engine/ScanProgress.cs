namespace Sodalite.Engine;

/// <summary>
/// A step of a running scan, reported before the step starts, for a live status (<c>sodalite scan</c> shows it on a terminal).
/// </summary>
/// <param name="Stage">What the scan is doing.</param>
/// <param name="DataSource">The data source's name (or, when connecting, its name and type).</param>
/// <param name="Dataset">The table the step reads (null when connecting, or for a query over no single table).</param>
/// <param name="Partition">The check section's filter (partition) name, if any.</param>
/// <param name="Step">The step's number within its stage on this data source, from 1 (0 when connecting).</param>
/// <param name="Steps">How many steps the stage has on this data source: the planned queries, or the samples that are due (0 when connecting).</param>
public sealed record ScanProgress(ScanStage Stage, string DataSource, string? Dataset, string? Partition, int Step, int Steps);
