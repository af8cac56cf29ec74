using Sodalite.Engine.CheckTypes;
using Sodalite.Engine.Identity;
using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.Planning;

/// <summary>A check with its identities and the metric whose value it judges.</summary>
public sealed class PlannedCheck
{
    public required CheckDefinition Definition { get; init; }
    public required CheckIdentities Identities { get; init; }
    /// <summary>The check type module that planned the check and judges it.</summary>
    public required ICheckType Type { get; init; }
    /// <summary>The metric the check evaluates; null when planning failed.</summary>
    public Metric? Metric { get; init; }
    /// <summary>Row count comparisons: the other table's row count.</summary>
    public Metric? OtherMetric { get; init; }
}
