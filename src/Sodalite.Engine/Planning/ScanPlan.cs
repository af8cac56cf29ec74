namespace Sodalite.Engine.Planning;

/// <summary>
/// Everything a scan will run, made before anything runs: the checks with their metrics, every unconditional statement
/// (<see cref="Queries"/>, in Soda's order and numbering) and every failed-rows sample that runs when its metric finds failing rows
/// (<see cref="Samples"/>). Execution only fills measurements.
/// </summary>
public sealed class ScanPlan(int queriesBefore = 0)
{
    /// <summary>The planned checks, in Soda's order.</summary>
    public List<PlannedCheck> Checks { get; } = [];
    /// <summary>Every metric, de-duplicated by identity, in the order Soda lists them.</summary>
    public List<Metric> Metrics { get; } = [];
    /// <summary>The statements that always run, in order.</summary>
    public List<PlannedQuery> Queries { get; } = [];
    /// <summary>The conditional failed-rows samples, in the order they run when due.</summary>
    public List<PlannedSample> Samples { get; } = [];

    /// <summary>The metric identities whose past values the scan's history-aware checks read (before judging).</summary>
    public HashSet<string> HistoryIdentities { get; } = [];
    private int _counter = queriesBefore;

    /// <summary>Soda numbers queries with one process-wide counter, in the order they are built.</summary>
    public int NextQueryNumber() => ++_counter;

    /// <summary>The number the next query would take, without taking it.</summary>
    public int PeekQueryNumber() => _counter + 1;
}
