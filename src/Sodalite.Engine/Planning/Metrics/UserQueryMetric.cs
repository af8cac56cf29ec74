namespace Sodalite.Engine.Planning;

/// <summary>A user-defined metric's "&lt;metric&gt; query:" statement, whose first value is the metric.</summary>
public sealed class UserQueryMetric : Metric
{
    /// <summary>The user's SQL, as written (variables resolved).</summary>
    public required string Sql { get; init; }
}
