using Sodalite.Engine.DataSources;
using Sodalite.Engine.Identity;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.CheckTypes;

/// <summary>
/// What a check type plans with: the metrics catalogue (metrics are de-duplicated by identity across the scan), the document,
/// the data source, the log, and the plan the planned check goes into.
/// </summary>
public sealed class CheckPlanning
{
    private readonly Planner _planner;
    private readonly ScanPlan _plan;
    private readonly ICheckType _type;

    internal CheckPlanning(Planner planner, ScanPlan plan, SodaClDocument doc, ICheckType type, CheckIdentities identities, ScanLogger log, DataSource dataSource)
    {
        _planner = planner;
        _plan = plan;
        _type = type;
        Document = doc;
        Identities = identities;
        Log = log;
        DataSource = dataSource;
    }

    /// <summary>The parsed checks files (filters, mentions) the check belongs to.</summary>
    public SodaClDocument Document { get; }
    /// <summary>The check's identities (v1–v4), computed once.</summary>
    public CheckIdentities Identities { get; }
    /// <summary>Where planning errors go, with the check's location.</summary>
    public ScanLogger Log { get; }
    /// <summary>The scan's data source (name, dialect, qualified table names).</summary>
    public DataSource DataSource { get; }
    /// <summary>The planner: the scan's metrics catalogue (<c>GetOrAdd</c>, de-duplicated by identity), Soda's metric identities and the built-in metric declarations.</summary>
    public Planner Planner => _planner;

    /// <summary>Where past metric values come from (a file or URL), or null when the scan has no metric history.</summary>
    public string? HistoryLocation => _planner.HistoryLocation;

    /// <summary>Asks for the past values of <paramref name="metric"/>, read before judging into <see cref="CheckJudging.History"/>.</summary>
    public void NeedHistory(Metric metric) => _plan.HistoryIdentities.Add(metric.Identity);

    /// <summary>Adds the planned check (its module is this check type).</summary>
    public void Add(CheckDefinition check, Metric metric, Metric? other = null) =>
        _plan.Checks.Add(new PlannedCheck { Definition = check, Identities = Identities, Metric = metric, OtherMetric = other, Type = _type });

    /// <summary>
    /// The common ending of a metric-based check: reports <paramref name="error"/> when no metric could be declared, otherwise adds
    /// the check, marked not evaluable when a configuration it reads turned out unusable while declaring its metric.
    /// </summary>
    public void AddOrReport(CheckDefinition check, Metric? metric, string? error)
    {
        if (metric is null)
        {
            if (error is not null) Log.Error(error, check.Location);
            return;
        }
        var definition = _planner.UnusableConfig is { } unusable && check.ConfigError is null ? check with { ConfigError = unusable } : check;
        Add(definition, metric);
    }

    /// <summary>Declares the metric of a metric check line on the check's table (built-in, expression or query metric).</summary>
    public Metric? DeclareMetric(CheckDefinition check, MetricCheckLine line, out string? error) => _planner.BuiltIn.Declare(check, line, out error);
}
