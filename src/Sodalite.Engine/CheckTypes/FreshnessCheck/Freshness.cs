// Freshness checks (spec/sodacl.md §2.6): now (a variable, NOW by default) minus MAX(column), compared with
// durations; the diagnostics are Python's str() of the datetimes and the timedelta.
using System.Globalization;
using System.Text.RegularExpressions;
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Output;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Variables;

namespace Sodalite.Engine.CheckTypes.FreshnessCheck;

public static partial class Freshness
{
    /// <summary>The now-variable a freshness check reads: its second argument, or NOW.</summary>
    public static string Variable(CheckDefinition def) => def.Parsed switch
    {
        MetricCheckLine { Args.Count: > 1 } ml => ml.Args[1],
        FreshnessUsingLine { Variable: { } v } => v,
        _ => "NOW",
    };

    public static string? Column(CheckDefinition def) => def.Parsed switch
    {
        MetricCheckLine { Args.Count: > 0 } ml => ml.Args[0],
        FreshnessUsingLine f => f.Column,
        _ => null,
    };

    public static CheckResult Evaluate(PlannedCheck pc, string name, object? maxValue, ScanLogger log, Jinja jinja)
    {
        var def = pc.Definition;
        string variable = Variable(def);
        string? nowText = jinja.Lookup(variable);
        if (nowText is null || !TryParseIsoFormat(nowText, out var now))
        {
            // Soda fails the check and logs an error (so the scan exits 3).
            string why = nowText is null ? "variable not found" : $"\"{nowText}\" is not an ISO 8601 timestamp such as 2024-01-31 12:00:00 or 2024-01-31T12:00:00+01:00";
            log.Error($"Could not parse variable {variable} as a timestamp: {why}", def.Location);
            return new CheckResult(pc, name, CheckOutcome.Fail, null, null, null);
        }

        TimeSpan? fail, warn;
        try
        {
            fail = def.MetricLine?.Threshold is { } inline ? Duration(inline, jinja) : def.Fail is { } f ? Duration(f, jinja) : null;
            warn = def.MetricLine?.Threshold is null && def.Warn is { } w ? Duration(w, jinja) : null;
            if (def.Parsed is FreshnessUsingLine { Threshold: { } legacy }) fail = ParseDuration(legacy);
        }
        catch (FormatException e)
        {
            log.Error($"Invalid freshness threshold in \"{def.Line}\": {e.Message}", def.Location);
            return new CheckResult(pc, name, null, null, null, null);
        }

        DateTimeOffset nowUtc = now.ToUniversalTime();
        string nowUtcText = PyStr(nowUtc, aware: true);
        if (maxValue is null)
        {
            // No rows (or only NULLs): Soda fails the check with value 0.
            return new CheckResult(pc, name, CheckOutcome.Fail, 0L, null, null)
            {
                Freshness = new FreshnessDiagnostics(null, null, variable, nowText, nowUtcText, null),
            };
        }
        if (!TryTimestamp(maxValue, out var max, out bool maxAware))
        {
            log.Error($"Freshness needs a date or timestamp column, but max({Column(def)}) is {Evaluator.ValueText(maxValue)}.", def.Location);
            return new CheckResult(pc, name, null, null, null, null);
        }
        DateTimeOffset maxUtc = max.ToUniversalTime();
        TimeSpan freshness = nowUtc - maxUtc;
        CheckOutcome outcome = fail is { } ft && freshness > ft ? CheckOutcome.Fail
            : warn is { } wt && freshness > wt ? CheckOutcome.Warn
            : CheckOutcome.Pass;
        long millis = (long)Math.Round(freshness.Ticks / (double)TimeSpan.TicksPerMillisecond, MidpointRounding.ToEven);
        return new CheckResult(pc, name, outcome, millis, null, null)
        {
            Freshness = new FreshnessDiagnostics(PyStr(max, maxAware), PyStr(maxUtc, aware: true), variable, nowText, nowUtcText,
                ResultsDocument.PyTimedelta(freshness)),
        };
    }

    private static TimeSpan? Duration(ThresholdExpression t, Jinja jinja)
    {
        if (t.Between) throw new FormatException("use a single comparison with a duration, such as < 1d or when > 6h");
        try
        {
            return ParseDuration(jinja.Resolve(t.Value!));
        }
        catch (SodaCL.Variables.JinjaException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    /// <summary>1d, 6h, 30m or combinations such as 1d2h30m (Soda accepts no seconds).</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var m = DurationRegex().Match(text.Trim());
        if (!m.Success) throw new FormatException($"\"{text}\" is not a duration; write it as 1d, 6h, 30m or 1d2h30m");
        var total = TimeSpan.Zero;
        try
        {
            foreach (Capture c in m.Groups[1].Captures)
            {
                long n = long.Parse(c.Value[..^1], CultureInfo.InvariantCulture);
                total += c.Value[^1] switch { 'd' => TimeSpan.FromDays(n), 'h' => TimeSpan.FromHours(n), _ => TimeSpan.FromMinutes(n) };
            }
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            // Soda logs "Problem parsing freshness threshold" and still passes the check; here it is not evaluated.
            throw new FormatException($"\"{text}\" is a longer duration than can be measured (at most {TimeSpan.MaxValue.Days:N0} days)");
        }
        return total;
    }

    /// <summary>A metric value as a point in time: naive values are UTC; a date counts as its last microsecond.</summary>
    private static bool TryTimestamp(object value, out DateTimeOffset t, out bool aware)
    {
        aware = false;
        switch (value)
        {
            case DateOnly d:
                t = new DateTimeOffset(d.ToDateTime(new TimeOnly(23, 59, 59)).AddTicks(9_999_990), TimeSpan.Zero);
                return true;
            case DateTimeOffset o:
                t = o;
                aware = true;
                return true;
            case DateTime dt when dt.Kind == DateTimeKind.Unspecified:
                t = new DateTimeOffset(dt, TimeSpan.Zero);
                return true;
            case DateTime dt:
                t = new DateTimeOffset(dt.ToUniversalTime(), TimeSpan.Zero);
                aware = true;
                return true;
            default:
                t = default;
                return false;
        }
    }

    /// <summary>Python str(datetime): "YYYY-MM-DD HH:MM:SS[.ffffff][+HH:MM]".</summary>
    public static string PyStr(DateTimeOffset t, bool aware)
    {
        string s = t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        long micros = t.Ticks % TimeSpan.TicksPerSecond / 10;
        if (micros != 0) s += "." + micros.ToString("000000", CultureInfo.InvariantCulture);
        if (aware)
        {
            var off = t.Offset;
            s += (off < TimeSpan.Zero ? "-" : "+") + off.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        }
        return s;
    }

    /// <summary>Python's datetime.fromisoformat (3.11): a date, or date and time with any separator, optional offset.</summary>
    public static bool TryParseIsoFormat(string text, out DateTimeOffset value)
    {
        value = default;
        var m = IsoRegex().Match(text.Trim());
        if (!m.Success) return false;
        int G(int i) => m.Groups[i].Success ? int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            var offset = TimeSpan.Zero;
            if (m.Groups[8].Success && m.Groups[8].Value != "Z")
            {
                string o = m.Groups[8].Value.Replace(":", "");
                offset = new TimeSpan(int.Parse(o[1..3], CultureInfo.InvariantCulture), int.Parse(o[3..5], CultureInfo.InvariantCulture), 0);
                if (o[0] == '-') offset = -offset;
            }
            long fraction = m.Groups[7].Success ? long.Parse(m.Groups[7].Value.PadRight(6, '0'), CultureInfo.InvariantCulture) : 0;
            var local = new DateTime(G(1), G(2), G(3), G(4), G(5), G(6)).AddTicks(fraction * 10);
            value = new DateTimeOffset(local, offset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})(?:.(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"^(\d+[dhm])+$")]
    private static partial Regex DurationRegex();
}
