namespace Sodalite.Engine.CheckTypes.ChangeOverTimeCheck;

/// <summary>What a change-over-time check compared.</summary>
/// <param name="Past">The past value (a whole number when the series holds whole numbers and no average was taken); null when the history had none.</param>
/// <param name="Current">The metric's value in this scan, as measured.</param>
/// <param name="HistoryLength">How many past values the series had.</param>
public sealed record ChangeDiagnostics(object? Past, object? Current, int HistoryLength);
