namespace Sodalite.Engine.Planning;

/// <summary>A group by's nested check's value in one group, read from the group's row (no statement of its own).</summary>
public sealed class GroupValueMetric : Metric;
