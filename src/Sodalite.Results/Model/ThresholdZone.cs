namespace Sodalite.Results.Model;

/// <summary>
/// A fail or warn zone as Soda's diagnostics write it: only the bounds that are set, in the order greaterThanOrEqual,
/// greaterThan, lessThan, lessThanOrEqual, each a float. A value is in the zone when it meets every bound set, except for a
/// split zone (outside a range), which the diagnostics do not mark.
/// </summary>
public sealed record ThresholdZone(double? GreaterThanOrEqual, double? GreaterThan, double? LessThan, double? LessThanOrEqual);
