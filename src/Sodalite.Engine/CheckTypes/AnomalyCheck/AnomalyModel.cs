// The anomaly detection model: a robust seasonal baseline, deterministic and explainable.
//
// For each point of a series (daily or irregular), the expected value is a trend plus a weekly profile, both fitted robustly on
// the points before it that were not themselves anomalous:
//   - trend: the Theil–Sen line (median of pairwise slopes, median intercept) over the last 28 normal points, time in days;
//   - weekly profile: the median residual of each day of the week, once the normal points span two weeks or more;
//   - spread: 1.4826 × the median absolute deviation of the residuals left (a robust sigma), floored at a small share of the
//     level so a constant series does not flag every change of one unit.
// The band is expected ± k·sigma (k = 4.5); a value outside it is an anomaly. Past anomalies are replayed and left out of every fit
// (medians alone already resist them), and two anomalies in a row on the same side, close to each other, are read as a level
// shift: the model then starts over from the new level, keeping the old spread and weekly profile, instead of flagging the new
// normal day after day. Why this and not Holt-Winters or Prophet: medians are robust to the very anomalies being looked for,
// the verdict can be explained with three numbers (expected, lower, upper), and nothing is random.
namespace Sodalite.Engine.CheckTypes.AnomalyCheck;

/// <summary>Anomaly detection on a metric's series: expected value, band, and whether a value is outside it.</summary>
public static class AnomalyModel
{
    /// <summary>The fewest past values the model judges with.</summary>
    public const int MinimumHistory = 7;

    /// <summary>Half the band's width in robust sigmas.</summary>
    public const double BandSigmas = 4.5;

    private const int TrendWindow = 56;

    private const int ProfileWindow = 56;

    /// <summary>
    /// Judges <paramref name="value"/> at <paramref name="time"/> against <paramref name="history"/> (oldest first; points at or after
    /// <paramref name="time"/> are ignored). Null when fewer than <see cref="MinimumHistory"/> past values.
    /// </summary>
    public static AnomalyVerdict? Judge(IReadOnlyList<(DateTimeOffset Time, double Value)> history, DateTimeOffset time, double value)
    {
        var past = history.Where(p => p.Time < time).OrderBy(p => p.Time).ToList();
        if (past.Count < MinimumHistory) return null;
        var state = new State(past[0].Time);
        for (int i = 0; i < past.Count; i++) state.Add(past[i].Time, past[i].Value);
        return state.Verdict(time, value, past.Count);
    }

    /// <summary>Walks a series oldest first, as the model sees it point by point: the current regime's points and what carries over a level shift.</summary>
    private sealed class State(DateTimeOffset origin)
    {
        private readonly List<(double Day, int Weekday, double Value)> _regime = [];
        private readonly List<(double Day, double Value, double Residual)> _run = [];
        private Fitted? _carried;

        public void Add(DateTimeOffset time, double value)
        {
            var p = (Day: Day(time), Weekday: Weekday(time), Value: value);
            var fit = Fit(p.Day, p.Weekday);
            if (fit is null || Math.Abs(value - fit.Expected) <= BandSigmas * fit.Sigma)
            {
                _regime.Add(p);
                _run.Clear();
                return;
            }
            double residual = value - fit.Expected;
            if (_run.Count > 0 && !SameRun(_run[^1].Residual, residual, fit.Sigma)) _run.Clear();
            _run.Add((p.Day, value, residual));
            if (_run.Count >= 3)
            {
                // Three anomalies in a row on the same side, close together: a level shift (two could be a weekend). Start over
                // from the new level, keeping the trend, the weekly profile and the spread learnt so far.
                _carried = fit;
                _regime.Clear();
                _regime.AddRange(_run.Select(r => (r.Day, WeekdayOfDay(r.Day), r.Value)));
                _run.Clear();
                return;
            }
            // An anomaly stays in the regime (the medians resist it) and may be the first day of a level shift.
            _regime.Add(p);
        }

        public AnomalyVerdict Verdict(DateTimeOffset time, double value, int historyLength)
        {
            var fit = Fit(Day(time), Weekday(time)) ?? new Fitted(_regime.Count > 0 ? _regime[^1].Value : value, Math.Max(Math.Abs(value) * 0.005, 1e-9), 0, null);
            double lower = fit.Expected - BandSigmas * fit.Sigma, upper = fit.Expected + BandSigmas * fit.Sigma;
            bool outside = value < lower || value > upper;
            // An anomaly right after another on the same side, close to it: the level moved (or the run continues); only the
            // first of a run is flagged.
            bool levelShift = outside && _run.Count > 0 && SameRun(_run[^1].Residual, value - fit.Expected, fit.Sigma);
            double z = fit.Sigma > 0 ? Math.Abs(value - fit.Expected) / fit.Sigma : 0;
            return new AnomalyVerdict(value, fit.Expected, lower, upper, fit.Sigma, outside && !levelShift, levelShift, historyLength, _regime.Count,
                Score: 1 - Math.Pow(10, -(z / BandSigmas) * (z / BandSigmas)));
        }

        /// <summary>
        /// Whether two anomalies belong to one run (a level shift in the making): on the same side of the expected value, and their
        /// distances from it (the weekly rhythm taken out) within half a band of each other.
        /// </summary>
        private static bool SameRun(double previous, double current, double sigma) =>
            Math.Sign(previous) == Math.Sign(current) && Math.Abs(current - previous) <= BandSigmas * sigma;

        /// <summary>The expected value and spread at <paramref name="day"/>, from the regime's last points; null before there are enough.</summary>
        private Fitted? Fit(double day, int weekday)
        {
            var window = _regime.Count > TrendWindow ? _regime.GetRange(_regime.Count - TrendWindow, TrendWindow) : _regime;
            var wide = _regime.Count > ProfileWindow ? _regime.GetRange(_regime.Count - ProfileWindow, ProfileWindow) : _regime;
            bool enough = window.Count >= MinimumHistory;
            if (!enough && _carried is null) return null;
            double slope = _carried?.Slope ?? 0;
            if (enough && window[^1].Day - window[0].Day >= 2)
            {
                var slopes = new List<double>();
                for (int i = 0; i < window.Count; i++)
                    for (int j = i + 1; j < window.Count; j++)
                        if (window[j].Day > window[i].Day) slopes.Add((window[j].Value - window[i].Value) / (window[j].Day - window[i].Day));
                if (slopes.Count > 0) slope = Median(slopes);
            }
            // The weekly profile needs two weeks of the regime; before that, the one carried over a level shift (if any).
            double[]? profile = _carried?.Profile;
            bool weekly = enough && wide[^1].Day - wide[0].Day >= 14;
            double intercept = weekly || profile is null
                ? Median(window.Select(p => p.Value - slope * p.Day))
                : Median(window.Select(p => p.Value - slope * p.Day - profile[p.Weekday]));
            // The profile and the spread come from the wider window (about 8 values per weekday), around this trend line.
            var residuals = wide.Select(p => (p.Weekday, R: p.Value - (intercept + slope * p.Day))).ToList();
            if (weekly)
            {
                profile = new double[7];
                for (int d = 0; d < 7; d++)
                {
                    var same = residuals.Where(r => r.Weekday == d).Select(r => r.R).ToList();
                    profile[d] = same.Count > 0 ? Median(same) : 0;
                }
            }
            // Each residual against the profile of the other days of its weekday (leave one out): subtracting a median that
            // includes the value itself would hide part of the noise and make the band too narrow.
            var left = weekly
                ? residuals.Select((r, i) =>
                {
                    var others = residuals.Where((o, j) => j != i && o.Weekday == r.Weekday).Select(o => o.R).ToList();
                    return r.R - (others.Count > 0 ? Median(others) : 0);
                }).ToList()
                : residuals.Select(r => r.R - (profile?[r.Weekday] ?? 0)).ToList();
            double center = Median(left);
            var deviations = left.Select(r => Math.Abs(r - center)).Order().ToList();
            double sigma;
            if (!enough) sigma = _carried!.Sigma;
            else if (profile is not null) sigma = 1.4826 * Median(deviations);
            else
                // Without a weekly profile yet (less than two weeks), a swing seen once may be the week's rhythm, not an anomaly:
                // the band is kept wide enough to hold the largest deviation seen so far.
                sigma = Math.Max(1.4826 * Median(deviations), deviations[^1] / 2.5);
            // A young regime (after a level shift, less than two weeks) knows its spread less well than the one before it.
            if (!weekly && _carried is { } c) sigma = Math.Max(sigma, c.Sigma);
            double level = Math.Abs(Median(window.Select(p => p.Value)));
            sigma = Math.Max(sigma, Math.Max(0.005 * level, 1e-9));
            return new Fitted(intercept + slope * day + (profile?[weekday] ?? 0), sigma, slope, profile);
        }

        private double Day(DateTimeOffset t) => (t - origin).TotalDays;

        private static int Weekday(DateTimeOffset t) => (int)t.UtcDateTime.DayOfWeek;

        private int WeekdayOfDay(double day) => Weekday(origin.AddDays(day));

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            if (sorted.Count == 0) return 0;
            int mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    private sealed record Fitted(double Expected, double Sigma, double Slope, double[]? Profile);
}
