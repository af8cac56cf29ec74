// What a change-over-time line compares with (spec/sodacl.md §1.3, §2.13): the words before 'for' in
// "change [avg|min|max last N | same day last week] [percent] for METRIC", and how the comparison value is computed from the
// metric's history, as Soda Core's ChangeOverTimeMetricCheck does with the aggregate Soda Cloud returns.
using Sodalite.Engine.History;

namespace Sodalite.Engine.CheckTypes.ChangeOverTimeCheck;

/// <summary>The comparison of a change-over-time check.</summary>
/// <param name="Aggregation">"avg", "min" or "max" over the last <paramref name="LastMeasurements"/> values; null for the previous value.</param>
/// <param name="LastMeasurements">How many past values the aggregation takes (N of "last N"); 1 for the previous value.</param>
/// <param name="SameDayLastWeek">Compare with the value of the same day a week before the scan's data timestamp.</param>
/// <param name="Percent">The change relative to the past value, in percent.</param>
public sealed record ChangeOverTime(string? Aggregation, int LastMeasurements, bool SameDayLastWeek, bool Percent)
{
    /// <summary>Reads the words of a check line before its metric, such as "change avg last 7 percent for"; null when they are not a change.</summary>
    public static ChangeOverTime? Parse(string prefix)
    {
        var words = prefix.Split(' ');
        if (words is not ["change", .., "for"]) return null;
        var rest = words[1..^1];
        bool percent = rest is [.., "percent"];
        if (percent) rest = rest[..^1];
        return rest switch
        {
            [] => new ChangeOverTime(null, 1, false, percent),
            ["same", "day", "last", "week"] => new ChangeOverTime(null, 1, true, percent),
            [var agg and ("avg" or "min" or "max"), "last", var n] when int.TryParse(n, out int count) && count > 0 => new ChangeOverTime(agg, count, false, percent),
            _ => null,
        };
    }

    /// <summary>
    /// The past value the current one is compared with, from <paramref name="series"/> (newest first, numbers only), or null when
    /// the history has none (for "same day last week": no value on that UTC day).
    /// </summary>
    public double? PastValue(IReadOnlyList<(HistoricMeasurement Point, double Value)> series, DateTimeOffset now)
    {
        if (SameDayLastWeek)
        {
            var day = now.UtcDateTime.Date.AddDays(-7);
            return series.Where(p => p.Point.DataTimestamp.UtcDateTime.Date == day).Select(p => (double?)p.Value).FirstOrDefault();
        }
        var last = series.Take(LastMeasurements).Select(p => p.Value).ToList();
        if (last.Count == 0) return null;
        return Aggregation switch
        {
            "avg" => last.Average(),
            "min" => last.Min(),
            "max" => last.Max(),
            _ => last[0],
        };
    }

    /// <summary>
    /// Soda's change: current minus past; in percent of the past value, where a past value of 0 gives 0 when nothing changed and
    /// null otherwise.
    /// </summary>
    public double? Change(double current, double past)
    {
        double change = current - past;
        if (!Percent) return change;
        if (past == 0) return change == 0 ? 0 : null;
        return change / past * 100;
    }
}
