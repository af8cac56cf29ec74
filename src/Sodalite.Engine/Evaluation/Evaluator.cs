// Metric values → check outcomes by Soda's rules (spec/sodacl.md §1.4, §3): inline condition inverted
// into the fail zone, warn/fail "when" zones, fail wins, NULL → not evaluated.
using System.Globalization;
using Sodalite.Engine.CheckTypes;
using Sodalite.Engine.CheckTypes.FreshnessCheck;
using Sodalite.Engine.Execution;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;
using Sodalite.SodaCL.Variables;

namespace Sodalite.Engine.Evaluation;

/// <param name="log">Where judging errors go.</param>
/// <param name="jinja">The scan's variables.</param>
/// <param name="dialect">The scan's dialect (schema type synonyms).</param>
/// <param name="measured">What the scan measured, by metric.</param>
public sealed class Evaluator(ScanLogger log, Jinja jinja, Dialects.SqlDialect dialect, Measurements measured)
{
    private CheckJudging? _judging;

    /// <summary>The parsed checks files, parser and planner, which types with nested checks (group by) judge with.</summary>
    public SodaClDocument? Document { get; init; }
    /// <inheritdoc cref="Document"/>
    public SodaClParser? Parser { get; init; }
    /// <inheritdoc cref="Document"/>
    public Planner? Planner { get; init; }
    /// <summary>The scan's data source name (identities of nested checks).</summary>
    public string DataSourceName { get; init; } = "";
    /// <summary>The scan's metrics; nested checks add theirs.</summary>
    public List<Metric> Metrics { get; init; } = [];
    /// <summary>Results of nested checks (group by), which Soda lists after every other check.</summary>
    public List<CheckResult> NestedResults { get; } = [];

    /// <summary>Past values of the metrics history-aware checks read (see <see cref="CheckJudging.History"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<History.HistoricMeasurement>> History { get; init; } = new Dictionary<string, IReadOnlyList<History.HistoricMeasurement>>();

    /// <summary>The scan's data timestamp.</summary>
    public DateTimeOffset DataTimestamp { get; init; }

    private CheckJudging Judging => _judging ??= new CheckJudging
    {
        Log = log,
        Jinja = jinja,
        Dialect = dialect,
        Evaluator = this,
        Measured = measured,
        Document = Document,
        Parser = Parser,
        Planner = Planner,
        DataSourceName = DataSourceName,
        Metrics = Metrics,
        NestedResults = NestedResults,
        History = History,
        DataTimestamp = DataTimestamp,
    };

    /// <summary>
    /// The check's outcome from its metric values, judged by its check type. A check whose configuration has an error
    /// (<see cref="SodaCL.Model.CheckDefinition.ConfigError"/>) keeps a fail, as Soda's does, but is never reported as passed or
    /// warned: it is not evaluated, with an error.
    /// </summary>
    public CheckResult Evaluate(PlannedCheck pc)
    {
        var result = pc.Type.Judge(pc, Judging);
        if (!pc.Type.AppliesCheckRules) return result;
        if (pc.Definition.ConfigError is { } why && result.Outcome is CheckOutcome.Pass or CheckOutcome.Warn)
        {
            log.Error($"Check \"{pc.Definition.Line}\" is not evaluated: {why}. Fix its configuration; until then it cannot pass.", pc.Definition.Location);
            return result with { Outcome = null };
        }
        // A percentage over a count that was not computed is Soda's 0.0: a failure stays (as in Soda), a pass or warn would be a
        // verdict on a value nobody measured.
        if (pc.Metric is { } judged && measured[judged].FromUncomputed is { } lost && result.Outcome is CheckOutcome.Pass or CheckOutcome.Warn)
        {
            log.Error($"Metrics '{lost.Name}' were not computed for check '{pc.Definition.Line}': its {judged.Name} is not evaluated " +
                      "(Soda takes it as 0.0).", pc.Definition.Location);
            return result with { Outcome = null };
        }
        return result;
    }

    /// <summary>
    /// The fail and warn zones of the check's thresholds: an inline condition inverted into the fail zone, or the warn/fail
    /// configuration's zones. False, with Soda's "Evaluation of check ... failed" error logged, when a value is not a number.
    /// </summary>
    public bool TryZones(CheckDefinition def, out Threshold? fail, out Threshold? warn)
    {
        fail = warn = null;
        try
        {
            if (def.MetricLine?.Threshold is { } inline) fail = inline.ToZone(Number).Inverse();
            else
            {
                fail = def.Fail?.ToZone(Number);
                warn = def.Warn?.ToZone(Number);
            }
            return true;
        }
        catch (FormatException e)
        {
            log.Error($"Evaluation of check {def.Line} failed: {e.Message}", def.Location);
            fail = warn = null;
            return false;
        }
    }

    /// <summary>The check's name: its 'name', its type's default, or the check line with its warn/fail configuration (variables resolved).</summary>
    public string DefaultName(PlannedCheck pc)
    {
        var def = pc.Definition;
        if (def.Name is not null) return def.Name;
        if (pc.Type.DefaultName(def) is { } typeDefault) return typeDefault;
        string n = def.Line;
        if (def.WarnText is not null) n += " warn " + def.WarnText;
        if (def.FailText is not null) n += " fail " + def.FailText;
        try
        {
            return jinja.Resolve(n);
        }
        catch (JinjaException)
        {
            return n; // the threshold's own evaluation reports the template error
        }
    }

    private double Number(string raw)
    {
        string text;
        try
        {
            text = jinja.Resolve(raw);
        }
        catch (JinjaException e)
        {
            throw new FormatException(e.Message, e);
        }
        if (ThresholdExpression.TryNumber(text, out double d)) return d;
        throw new FormatException(raw.Contains("${")
            ? $"variable {raw} resolved to \"{text}\", which is not a number; pass it with -v NAME=VALUE."
            : $"\"{text}\" is not a number.");
    }

    /// <summary>Python str() of a metric value, for console lines and messages.</summary>
    public static string ValueText(object? value) => value switch
    {
        null => "None",
        double d => Sodalite.Results.Json.PyFloat.Repr(d),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        DateTime dt => Freshness.PyStr(new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? dt : dt.ToUniversalTime(), TimeSpan.Zero), dt.Kind != DateTimeKind.Unspecified),
        DateTimeOffset o => Freshness.PyStr(o, aware: true),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
