namespace Sodalite.Engine.CheckTypes.AnomalyCheck;

/// <summary>What an anomaly detection check's configuration sets (Soda's keys, spec/sodacl.md §1.5).</summary>
/// <param name="WarnOnly">'warn_only: true': an anomaly warns, never fails.</param>
/// <param name="WarningRatio">'severity_level_parameters: warning_ratio': how far past the band's edge, as a share of the band's width, a value only warns (default 0.1).</param>
public sealed record AnomalySettings(bool WarnOnly = false, double WarningRatio = 0.1);
