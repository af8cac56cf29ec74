namespace Sodalite.Engine.CheckTypes.AnomalyCheck;

/// <summary>What the anomaly model concluded for one value.</summary>
/// <param name="Value">The value judged.</param>
/// <param name="Expected">The model's expected value at that time (trend plus weekly profile).</param>
/// <param name="Lower">The band's lower bound.</param>
/// <param name="Upper">The band's upper bound.</param>
/// <param name="Sigma">The robust spread the band is made of.</param>
/// <param name="IsAnomaly">Whether the value is outside the band (and not a confirmed level shift).</param>
/// <param name="LevelShift">Outside the band but close to the previous anomaly on the same side: read as the series' new level.</param>
/// <param name="HistoryLength">How many past values the series had.</param>
/// <param name="NormalPoints">How many of them the model fitted on (past anomalies and points before a level shift left out).</param>
/// <param name="Score">Soda's anomaly score in [0, 1): 0.9 at the band's edge, higher outside.</param>
public sealed record AnomalyVerdict(double Value, double Expected, double Lower, double Upper, double Sigma, bool IsAnomaly, bool LevelShift,
    int HistoryLength, int NormalPoints, double Score);
