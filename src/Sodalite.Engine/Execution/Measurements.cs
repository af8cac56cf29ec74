using Sodalite.Engine.Planning;

namespace Sodalite.Engine.Execution;

/// <summary>
/// The scan's measurements by metric: filled by the executor (and by a group by's nested checks, from each group's row), read by
/// the check types and the writers. A metric with nothing recorded reads as <see cref="Measurement.NotComputed"/>.
/// </summary>
public sealed class Measurements
{
    private readonly Dictionary<Metric, Measurement> _byMetric = new(ReferenceEqualityComparer.Instance);

    /// <summary>What was measured for <paramref name="metric"/> (the same metric object the plan holds).</summary>
    public Measurement this[Metric metric] => _byMetric.TryGetValue(metric, out var m) ? m : Measurement.NotComputed;

    /// <summary>Records what was measured for <paramref name="metric"/>, replacing what was recorded before.</summary>
    public void Record(Metric metric, Measurement measurement) => _byMetric[metric] = measurement;

    /// <summary>Records a change to what was measured for <paramref name="metric"/>.</summary>
    public void Update(Metric metric, Func<Measurement, Measurement> change) => _byMetric[metric] = change(this[metric]);
}
