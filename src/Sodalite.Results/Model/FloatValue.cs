namespace Sodalite.Results.Model;

/// <summary>
/// A Python float: written as Python's repr (<c>6.0</c>, <c>0.1</c>, <c>1e-05</c>). Soda writes SQL decimals and averages
/// as floats. A NaN or infinity is written as json.dump does (<c>NaN</c>, <c>Infinity</c>), which is not strict JSON;
/// the engine writes a NaN metric value as null instead.
/// </summary>
public sealed record FloatValue(double Value) : ResultValue;
