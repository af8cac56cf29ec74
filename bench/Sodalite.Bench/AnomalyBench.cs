// The anomaly detection benchmark: labelled series with a level, a trend, weekly seasonality, noise and missing days, with
// spikes, drops and level shifts injected at known days. Each series is judged point by point (walk forward: every day sees
// only the days before it), by Sodalite's model and by a plain 3-sigma z-score over all past values, and precision, recall and
// F1 are reported per anomaly kind. Deterministic: the same seed gives the same series and figures. ANOMALY_DEBUG=1 prints each
// false alarm and missed anomaly (day, value, expected, sigma) on stderr.
using System.Globalization;
using Sodalite.Engine.CheckTypes.AnomalyCheck;

namespace Sodalite.Bench;

public static class AnomalyBench
{
    private const int Days = 180;

    public static int Run(string[] args)
    {
        int seriesPerKind = args.Length > 0 && int.TryParse(args[0], out int n) ? n : 40;
        int seed = args.Length > 1 && int.TryParse(args[1], out int s) ? s : 20241201;
        var rows = new List<(string Kind, Score Model, Score Baseline)>();
        Score modelAll = default, baselineAll = default;
        string[] kinds = ["spike", "drop", "level shift", "none"];
        for (int k = 0; k < kinds.Length; k++)
        {
            string kind = kinds[k];
            Score model = default, baseline = default;
            for (int i = 0; i < seriesPerKind; i++)
            {
                // A seed per series from the run's seed, the kind and the series number (string hashes vary per process).
                var (series, labels) = Generate(kind, new Random(unchecked(seed * 7919 + k * 1_000_003 + i)));
                for (int t = 0; t < series.Count; t++)
                {
                    var past = series.Take(t).ToList();
                    bool labelled = labels.Contains(t);
                    var verdict = AnomalyModel.Judge(past, series[t].Time, series[t].Value);
                    if (verdict is null) continue; // too little history for the model: not judged (and not counted) for either
                    model = model.Add(labelled, verdict.IsAnomaly);
                    if (Environment.GetEnvironmentVariable("ANOMALY_DEBUG") == "1" && verdict.IsAnomaly != labelled)
                        Console.Error.WriteLine($"{(labelled ? "FN" : "FP")} {kind} s{i} t{t} day{(series[t].Time - series[0].Time).TotalDays} {series[t].Time.DayOfWeek} v={series[t].Value:0} exp={verdict.Expected:0} sig={verdict.Sigma:0.0} z={(series[t].Value - verdict.Expected) / verdict.Sigma:0.0} regime={verdict.NormalPoints}");
                    baseline = baseline.Add(labelled, ZScore(past, series[t].Value));
                }
            }
            rows.Add((kind, model, baseline));
            modelAll = modelAll.Plus(model);
            baselineAll = baselineAll.Plus(baseline);
        }
        Console.WriteLine($"anomaly benchmark: {seriesPerKind} series per kind, {Days} days each (seed {seed}); walk forward, every day judged on the days before it");
        Console.WriteLine("| kind | anomalies | model precision | recall | F1 | 3-sigma z-score precision | recall | F1 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (kind, m, b) in rows.Append(("all", modelAll, baselineAll)))
            Console.WriteLine($"| {kind} | {m.Tp + m.Fn} | {F(m.Precision)} | {F(m.Recall)} | {F(m.F1)} | {F(b.Precision)} | {F(b.Recall)} | {F(b.F1)} |");
        Console.WriteLine($"false alarms on series without anomalies: model {rows[3].Model.Fp}, z-score {rows[3].Baseline.Fp}, in {rows[3].Model.Judged} judged days");
        return 0;
    }

    private static string F(double? v) => v is double d ? d.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    /// <summary>The baseline: |value − mean| &gt; 3 standard deviations of every past value.</summary>
    private static bool ZScore(List<(DateTimeOffset Time, double Value)> past, double value)
    {
        if (past.Count < 2) return false;
        double mean = past.Average(p => p.Value);
        double sd = Math.Sqrt(past.Sum(p => (p.Value - mean) * (p.Value - mean)) / (past.Count - 1));
        return sd > 0 && Math.Abs(value - mean) > 3 * sd;
    }

    /// <summary>
    /// A daily series (about 10% of days missing) of level 10,000 ± 50%, trend −0.3%..+0.6% of the level per day, weekly seasonality
    /// (weekends 10% below weekdays), Gaussian noise of 1% of the level; with 3 spikes (+6..12 sigma), 3 drops (−6..12 sigma) or
    /// one level shift (±10..20 sigma from a day on; only its first day is labelled), after day 35.
    /// </summary>
    private static (List<(DateTimeOffset Time, double Value)> Series, HashSet<int> Labels) Generate(string kind, Random r)
    {
        double level = 10_000 * (0.5 + r.NextDouble()), trend = level * (-0.003 + 0.009 * r.NextDouble()), noise = level * 0.01;
        var start = new DateTimeOffset(2024, 1, 1, 6, 0, 0, TimeSpan.Zero);
        var days = Enumerable.Range(0, Days).Where(d => d < 7 || r.NextDouble() > 0.1).ToList();
        var values = days.Select(d =>
        {
            var dow = start.AddDays(d).DayOfWeek;
            double season = dow is DayOfWeek.Saturday or DayOfWeek.Sunday ? -0.1 * level : 0.04 * level;
            return level + trend * d + season + noise * Gaussian(r);
        }).ToList();
        var labels = new HashSet<int>();
        int Pick() => 35 + r.Next(days.Count - 36);
        switch (kind)
        {
            case "spike" or "drop":
                while (labels.Count < 3)
                {
                    int i = Pick();
                    if (labels.Any(l => Math.Abs(l - i) < 3)) continue;
                    labels.Add(i);
                    values[i] += (kind == "spike" ? 1 : -1) * noise * (6 + 6 * r.NextDouble());
                }
                break;
            case "level shift":
                int at = 35 + r.Next(days.Count - 60);
                double jump = (r.Next(2) == 0 ? 1 : -1) * noise * (10 + 10 * r.NextDouble());
                for (int i = at; i < values.Count; i++) values[i] += jump;
                labels.Add(at);
                break;
        }
        return ([.. days.Select((d, i) => (start.AddDays(d), values[i]))], labels);
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    private readonly record struct Score(int Tp, int Fp, int Fn)
    {
        public Score Add(bool labelled, bool flagged) => (labelled
            ? flagged ? this with { Tp = Tp + 1 } : this with { Fn = Fn + 1 }
            : flagged ? this with { Fp = Fp + 1 } : this) with
        { Judged = Judged + 1 };

        public Score Plus(Score o) => new(Tp + o.Tp, Fp + o.Fp, Fn + o.Fn) { Judged = Judged + o.Judged };

        public int Judged { get; init; }

        public double? Precision => Tp + Fp == 0 ? null : (double)Tp / (Tp + Fp);

        public double? Recall => Tp + Fn == 0 ? null : (double)Tp / (Tp + Fn);

        public double? F1 => Precision is double p && Recall is double q && p + q > 0 ? 2 * p * q / (p + q) : null;
    }
}
