// Charts drawn on the server as SVG text: a score sparkline, an outcome strip, and a line chart with threshold lines. Every
// chart has a <title> and an aria-label that say in words what it shows; the pages also give the numbers as tables.
using System.Globalization;
using System.Net;
using System.Text;
using Sodalite.Hub.Pages.Models;

namespace Sodalite.Hub.Pages;

/// <summary>Builds SVG markup (already HTML-encoded where it holds text) for the pages.</summary>
public static class Svg
{
    /// <summary>The colour of an outcome: pass, warn, fail, error (anything else is grey).</summary>
    public static string Colour(string outcome) => outcome switch
    {
        "pass" => "#2e7d32",
        "warn" => "#b45309",
        "fail" => "#c62828",
        "error" => "#6a1b9a",
        "score" => "#1565c0",
        _ => "#9e9e9e",
    };

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A 100×24 sparkline of scores in 0..1 (oldest first); empty text for no scores.</summary>
    public static string Sparkline(IReadOnlyList<double> values, string label)
    {
        if (values.Count == 0) return "";
        const double w = 100, h = 24;
        var sb = new StringBuilder();
        string text = WebUtility.HtmlEncode($"{label}: {string.Join(", ", values.Select(v => DashboardQueries.Percent(v)))}");
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"spark\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{text}\"><title>{text}</title>");
        var pts = values.Select((v, i) => (X: values.Count == 1 ? w / 2 : 2 + i * (w - 4) / (values.Count - 1), Y: 2 + (1 - Math.Clamp(v, 0, 1)) * (h - 4))).ToList();
        sb.Append("<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\"");
        foreach (var (x, y) in pts) sb.Append(F(x)).Append(',').Append(F(y)).Append(' ');
        sb.Append("\"/>");
        var last = pts[^1];
        sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(last.X)}\" cy=\"{F(last.Y)}\" r=\"2\" fill=\"#1565c0\"/></svg>");
        return sb.ToString();
    }

    /// <summary>
    /// A strip of outcome cells (oldest first), 8×18 each: one path per outcome, so that a page of 500 strips stays small; its
    /// label says the counts and the latest outcome (the check page lists every result).
    /// </summary>
    public static string Strip(IReadOnlyList<StripCell> cells, string checkName)
    {
        if (cells.Count == 0) return "<span class=\"muted\">no results</span>";
        var sb = new StringBuilder(160 + cells.Count * 16);
        var counts = cells.GroupBy(c => c.Outcome).Select(g => $"{g.Count()} {g.Key}");
        string label = WebUtility.HtmlEncode($"Last {cells.Count} outcomes of {checkName}: {string.Join(", ", counts)}; latest {cells[^1].Outcome}");
        int w = cells.Count * 9;
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"strip\" width=\"{w}\" height=\"18\" viewBox=\"0 0 {w} 18\" role=\"img\" aria-label=\"{label}\">");
        foreach (var outcome in cells.Select(c => c.Outcome).Distinct())
        {
            sb.Append(CultureInfo.InvariantCulture, $"<path class=\"{outcome}\" fill=\"{Colour(outcome)}\" d=\"");
            for (int i = 0; i < cells.Count; i++)
                if (cells[i].Outcome == outcome) sb.Append('M').Append(i * 9).Append(" 0h8v18h-8z");
            sb.Append("\"/>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// A 720×260 line chart of values over time (points coloured by outcome), with the fail and warn bounds drawn as dashed lines;
    /// <paramref name="percent"/> draws 0..1 as 0–100%. Points without a value are left out; empty text when none has one.
    /// </summary>
    public static string LineChart(IReadOnlyList<(DateTimeOffset At, double? Value, string Outcome)> points, Thresholds thresholds, string label, bool percent = false)
    {
        var valued = points.Where(p => p.Value is { } v && double.IsFinite(v)).Select(p => (p.At, Value: p.Value!.Value, p.Outcome)).ToList();
        if (valued.Count == 0) return "";
        const double w = 720, h = 260, left = 64, right = 16, top = 16, bottom = 36;
        // One line per zone and bound value ("= 0" fails above and below 0: one line, labelled with both).
        var bounds = thresholds.Fail.Select(b => (Zone: "fail", b.Op, b.Bound)).Concat(thresholds.Warn.Select(b => (Zone: "warn", b.Op, b.Bound)))
            .GroupBy(b => (b.Zone, b.Bound)).Select(g => (g.Key.Zone, Op: string.Join(" or ", g.Select(b => b.Op)), g.Key.Bound)).ToList();
        double min = percent ? 0 : Math.Min(valued.Min(p => p.Value), bounds.Count > 0 ? bounds.Min(b => b.Bound) : double.MaxValue);
        double max = percent ? 1 : Math.Max(valued.Max(p => p.Value), bounds.Count > 0 ? bounds.Max(b => b.Bound) : double.MinValue);
        if (max - min < 1e-12) { min -= 1; max += 1; }
        double pad = (max - min) * 0.08;
        if (!percent) { min -= pad; max += pad; }
        long t0 = valued[0].At.UtcTicks, t1 = valued[^1].At.UtcTicks;
        double X(int i, DateTimeOffset at) => t1 == t0 ? left + (w - left - right) * (valued.Count == 1 ? 0.5 : (double)i / (valued.Count - 1))
            : left + (w - left - right) * (at.UtcTicks - t0) / (double)(t1 - t0);
        double Y(double v) => top + (h - top - bottom) * (1 - (v - min) / (max - min));
        string Label(double v) => percent ? DashboardQueries.Percent(v) : v.ToString("G6", CultureInfo.InvariantCulture);

        var sb = new StringBuilder();
        string text = WebUtility.HtmlEncode(label);
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{text}\"><title>{text}</title>");
        // Axes and the y labels (min, middle, max).
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{h - bottom}\" stroke=\"#757575\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{h - bottom}\" x2=\"{w - right}\" y2=\"{h - bottom}\" stroke=\"#757575\"/>");
        foreach (double v in new[] { min, (min + max) / 2, max })
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\" class=\"axis\">{WebUtility.HtmlEncode(Label(v))}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{h - 10}\" class=\"axis\">{valued[0].At.UtcDateTime:yyyy-MM-dd HH:mm}</text>");
        if (valued.Count > 1)
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{w - right}\" y=\"{h - 10}\" text-anchor=\"end\" class=\"axis\">{valued[^1].At.UtcDateTime:yyyy-MM-dd HH:mm}</text>");
        // Thresholds: a dashed line per bound, named.
        foreach (var (zone, op, bound) in bounds)
        {
            double y = Y(bound);
            string colour = Colour(zone);
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"threshold {zone}\" x1=\"{left}\" y1=\"{F(y)}\" x2=\"{w - right}\" y2=\"{F(y)}\" stroke=\"{colour}\" stroke-dasharray=\"6 4\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{w - right - 4}\" y=\"{F(y - 4)}\" text-anchor=\"end\" fill=\"{colour}\" class=\"axis\">{zone} {WebUtility.HtmlEncode(op)} {WebUtility.HtmlEncode(Label(bound))}</text>");
        }
        sb.Append("<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\"");
        for (int i = 0; i < valued.Count; i++) sb.Append(F(X(i, valued[i].At))).Append(',').Append(F(Y(valued[i].Value))).Append(' ');
        sb.Append("\"/>");
        for (int i = 0; i < valued.Count; i++)
        {
            var p = valued[i];
            sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i, p.At))}\" cy=\"{F(Y(p.Value))}\" r=\"3\" fill=\"{Colour(p.Outcome)}\"><title>{p.At.UtcDateTime:yyyy-MM-dd HH:mm}: {WebUtility.HtmlEncode(Label(p.Value))} ({p.Outcome})</title></circle>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }
}
