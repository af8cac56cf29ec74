namespace Sodalite.Engine.Planning;

/// <summary>The dataset's columns and their types, from the catalog.</summary>
public sealed class SchemaMetric : Metric;
