namespace Sodalite.Engine.Planning;

public sealed class ScanPlan(int queriesBefore = 0)
{
    public List<PlannedCheck> Checks { get; } = [];
    public List<Metric> Metrics { get; } = [];
    public List<PlannedQuery> Queries { get; } = [];
    private int _counter = queriesBefore;

    /// <summary>Soda numbers queries with one process-wide counter, in the order they are built.</summary>
    public int NextQueryNumber() => ++_counter;
}
