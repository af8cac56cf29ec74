using System.Numerics;

namespace Sodalite.Results.Model;

/// <summary>A Python int: written without a decimal point, any size (counts are ints; Python ints have no bound).</summary>
public sealed record IntegerValue(BigInteger Value) : ResultValue;
