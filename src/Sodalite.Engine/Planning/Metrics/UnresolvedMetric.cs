namespace Sodalite.Engine.Planning;

/// <summary>A metric Soda lists in metrics[] without a value: it builds it for a check and never computes it.</summary>
public sealed class UnresolvedMetric : Metric;
