// Metric values → check outcomes by Soda's rules (spec/sodacl.md §1.4, §3): inline condition inverted
// into the fail zone, warn/fail "when" zones, fail wins, NULL → not evaluated.
using System.Globalization;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Variables;

namespace Sodalite.Engine.Evaluation;

public sealed class Evaluator(ScanLogger log, Jinja jinja, Dialects.SqlDialect dialect)
{
    /// <summary>
    /// The check's outcome from its metric values. A check whose configuration has an error (<see cref="SodaCL.Model.CheckDefinition.ConfigError"/>)
    /// keeps a fail, as Soda's does, but is never reported as passed or warned: it is not evaluated, with an error.
    /// </summary>
    public CheckResult Evaluate(PlannedCheck pc)
    {
        var result = EvaluateMetric(pc);
        if (pc.Definition.ConfigError is { } why && result.Outcome is CheckOutcome.Pass or CheckOutcome.Warn)
        {
            log.Error($"Check \"{pc.Definition.Line}\" is not evaluated: {why}. Fix its configuration; until then it cannot pass.", pc.Definition.Location);
            return result with { Outcome = null };
        }
        // A percentage over a count that was not computed is Soda's 0.0: a failure stays (as in Soda), a pass or warn would be a
        // verdict on a value nobody measured.
        if (pc.Metric?.FromUncomputed is { } lost && result.Outcome is CheckOutcome.Pass or CheckOutcome.Warn)
        {
            log.Error($"Metrics '{lost.Name}' were not computed for check '{pc.Definition.Line}': its {pc.Metric.Name} is not evaluated " +
                      "(Soda takes it as 0.0).", pc.Definition.Location);
            return result with { Outcome = null };
        }
        return result;
    }

    private CheckResult EvaluateMetric(PlannedCheck pc)
    {
        var def = pc.Definition;
        string name = DefaultName(pc);
        var metric = pc.Metric!;
        if (!metric.Computed)
        {
            log.Error($"Metrics '{metric.Name}' were not computed for check '{def.Line}'", def.Location);
            return new CheckResult(pc, name, null, null, null, null);
        }
        if (def.Kind == SodaCL.Model.CheckKind.Freshness) return Freshness.Evaluate(pc, name, metric, log, jinja);
        if (pc.OtherMetric is { } other)
        {
            if (!other.Computed)
            {
                log.Error($"Metrics '{other.Name}' were not computed for check '{def.Line}'", def.Location);
                return new CheckResult(pc, name, null, null, null, null);
            }
            // Passes only when both tables have exactly as many rows.
            long difference = (metric.Value is long a ? a : 0) - (other.Value is long b ? b : 0);
            return new CheckResult(pc, name, difference == 0 ? CheckOutcome.Pass : CheckOutcome.Fail, difference, null, null);
        }
        if (def.Kind == SodaCL.Model.CheckKind.Reference)
        {
            // No thresholds: any failing row fails the check.
            long failingRows = metric.Value is long n ? n : 0;
            return new CheckResult(pc, name, failingRows > 0 ? CheckOutcome.Fail : CheckOutcome.Pass, metric.Value, null, null);
        }
        if (def.Kind == SodaCL.Model.CheckKind.Schema)
        {
            var measured = (IReadOnlyList<(string Name, string Type)>)metric.Value!;
            var failEvents = SchemaEvaluation.Violations(def.SchemaFail, measured, dialect);
            var warnEvents = SchemaEvaluation.Violations(def.SchemaWarn, measured, dialect);
            var schemaOutcome = failEvents.Count > 0 ? CheckOutcome.Fail : warnEvents.Count > 0 ? CheckOutcome.Warn : CheckOutcome.Pass;
            return new CheckResult(pc, name, schemaOutcome, null, null, null) { Schema = new SchemaDiagnostics(measured, failEvents, warnEvents) };
        }
        Threshold? fail = null, warn = null;
        try
        {
            if (def.MetricLine?.Threshold is { } inline) fail = inline.ToZone(Number).Inverse();
            else
            {
                fail = def.Fail?.ToZone(Number);
                warn = def.Warn?.ToZone(Number);
            }
        }
        catch (FormatException e)
        {
            log.Error($"Evaluation of check {def.Line} failed: {e.Message}", def.Location);
            return new CheckResult(pc, name, null, metric.Value, null, null);
        }
        object? value = metric.Value;
        if (def.Kind == SodaCL.Model.CheckKind.FailedRows)
        {
            // Without thresholds any failing row fails the check; Soda reports no threshold objects either way.
            long rows = value is long n ? n : 0;
            var rowsOutcome = fail is null && warn is null ? (rows > 0 ? CheckOutcome.Fail : CheckOutcome.Pass)
                : fail?.IsBad(rows) == true ? CheckOutcome.Fail : warn?.IsBad(rows) == true ? CheckOutcome.Warn : CheckOutcome.Pass;
            return new CheckResult(pc, name, rowsOutcome, value, null, null);
        }
        if (value is null || (fail is null && warn is null))
            return new CheckResult(pc, name, null, value, fail, warn);
        double? v = value switch
        {
            long l => l,
            double d => d,
            bool => null,
            _ => null,
        };
        if (v is null)
        {
            string hint = def.MissingValid.ValidFormat is null ? " If the column holds numbers as text, add 'valid format: decimal' to cast it." : "";
            log.Error($"Cannot evaluate check: Expected a numeric value, but was {ValueText(value)}.{hint}", def.Location);
            return new CheckResult(pc, name, null, value, fail, warn);
        }
        CheckOutcome outcome = fail?.IsBad(v.Value) == true ? CheckOutcome.Fail
            : warn?.IsBad(v.Value) == true ? CheckOutcome.Warn
            : CheckOutcome.Pass;
        return new CheckResult(pc, name, outcome, value, fail, warn);
    }

    private string DefaultName(PlannedCheck pc)
    {
        var def = pc.Definition;
        if (def.Name is not null) return def.Name;
        if (def.Kind == SodaCL.Model.CheckKind.Schema) return "Schema Check";
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
