using Sodalite.Engine.Dialects;
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Execution;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;
using Sodalite.SodaCL.Variables;

namespace Sodalite.Engine.CheckTypes;

/// <summary>
/// What a check type judges with: the log, variables (Jinja), the dialect (type synonyms), the evaluator's shared rules (names,
/// threshold zones), and, for types with nested checks (group by), the document, parser, planner and the scan's metric and
/// result lists they add to.
/// </summary>
public sealed class CheckJudging
{
    /// <summary>Where judging errors go.</summary>
    public required ScanLogger Log { get; init; }
    /// <summary>The scan's variables, for thresholds and freshness's now-variable.</summary>
    public required Jinja Jinja { get; init; }
    /// <summary>The scan's dialect.</summary>
    public required SqlDialect Dialect { get; init; }
    /// <summary>What the scan measured, by metric (read only for judging; a group by records its groups' values).</summary>
    public required Measurements Measured { get; init; }
    /// <summary>The evaluator: default names, threshold zones, and judging nested checks.</summary>
    public required Evaluator Evaluator { get; init; }
    /// <summary>The parsed checks files (group by builds its nested checks from them).</summary>
    public SodaClDocument? Document { get; init; }
    /// <summary>The parser (group by parses its nested checks per group).</summary>
    public SodaClParser? Parser { get; init; }
    /// <summary>The planner (metric identities of nested checks).</summary>
    public Planner? Planner { get; init; }
    /// <summary>The scan's data source name.</summary>
    public string DataSourceName { get; init; } = "";
    /// <summary>The scan's metrics, which nested checks' metrics are added to.</summary>
    public List<Metric> Metrics { get; init; } = [];
    /// <summary>Results of nested checks, listed after every other check (Soda's order).</summary>
    public List<CheckResult> NestedResults { get; init; } = [];

    /// <summary>
    /// The past values of the metrics history-aware checks asked for (<see cref="CheckPlanning.NeedHistory"/>), newest first, not
    /// including this scan's; a metric without any is absent.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<History.HistoricMeasurement>> History { get; init; } = new Dictionary<string, IReadOnlyList<History.HistoricMeasurement>>();

    /// <summary>The numeric past values of <paramref name="metric"/>, newest first (values that are not numbers left out).</summary>
    public List<(History.HistoricMeasurement Point, double Value)> NumericHistory(Metric metric) =>
        [.. History.GetValueOrDefault(metric.Identity, [])
            .Select(p => (Point: p, Value: p.Value?.AsDouble()))
            .Where(p => p.Value is not null)
            .Select(p => (p.Point, p.Value!.Value))];

    /// <summary>A measured value as a number (whole numbers, doubles, decimals), or null when it is not one.</summary>
    public static double? Number(object? value) => value switch { long l => l, double d => d, decimal m => (double)m, _ => null };

    /// <summary>The scan's data timestamp (<c>-t</c>, else its start): "now" for history windows such as "same day last week".</summary>
    public DateTimeOffset DataTimestamp { get; init; }

    /// <summary>The name the check is reported under: its 'name', or its type's default.</summary>
    public string Name(PlannedCheck check) => Evaluator.DefaultName(check);

    /// <summary>
    /// The check's not-evaluated result when <paramref name="metric"/> was not computed (Soda's "Metrics 'X' were not computed"
    /// error), or null when it was.
    /// </summary>
    public CheckResult? NotComputed(PlannedCheck check, Metric metric, string name)
    {
        if (Measured[metric].Computed) return null;
        Log.Error($"Metrics '{metric.Name}' were not computed for check '{check.Definition.Line}'", check.Definition.Location);
        return new CheckResult(check, name, null, null, null, null);
    }

    /// <summary>
    /// The fail and warn zones of the check's thresholds (an inline condition is inverted into the fail zone); false, with the error
    /// logged, when a threshold value is not a number.
    /// </summary>
    public bool TryZones(CheckDefinition def, out Threshold? fail, out Threshold? warn) => Evaluator.TryZones(def, out fail, out warn);
}
