namespace Sodalite.Results.Model;

/// <summary>A Python bool.</summary>
public sealed record BooleanValue(bool Value) : ResultValue;
