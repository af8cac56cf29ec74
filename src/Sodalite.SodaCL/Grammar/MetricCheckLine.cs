namespace Sodalite.SodaCL.Grammar;

/// <summary><c>metric(args) threshold</c>, optionally prefixed by change-over-time or anomaly words.</summary>
/// <param name="Metric">The metric's name as written (row_count, missing_count, ...).</param>
/// <param name="Args">The arguments in the parentheses as written (column names, a percentage, ...); empty without parentheses.</param>
/// <param name="Threshold">The threshold after the metric; null when the line has none or ends in <c>&lt; default</c>.</param>
/// <param name="HistoryPrefix">The words before the metric, without the trailing space (<c>change for</c>,
/// <c>change avg last 7 percent for</c>, <c>anomaly score for</c>, <c>anomaly detection for</c>, ...); null without.</param>
/// <param name="DefaultThreshold">True for <c>&lt; default</c> (anomaly checks' default threshold).</param>
public sealed record MetricCheckLine(string Metric, IReadOnlyList<string> Args, ThresholdExpression? Threshold,
    string? HistoryPrefix, bool DefaultThreshold) : CheckLine;
