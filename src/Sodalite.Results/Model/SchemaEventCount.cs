namespace Sodalite.Results.Model;

/// <summary>A valueSeries entry of a schema check <c>{"label", "value", "outcome"}</c>: how many events of a level (fail, warn, pass).</summary>
public sealed record SchemaEventCount(string Label, int Value, string Outcome);
