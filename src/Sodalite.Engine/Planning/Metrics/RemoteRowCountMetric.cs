namespace Sodalite.Engine.Planning;

/// <summary>A row count on another configured data source ("row_count same as T in OTHER_DS"), run on that data source's connection.</summary>
public sealed class RemoteRowCountMetric : Metric
{
    /// <summary>The other data source's name, as configured.</summary>
    public required string DataSourceName { get; init; }
}
