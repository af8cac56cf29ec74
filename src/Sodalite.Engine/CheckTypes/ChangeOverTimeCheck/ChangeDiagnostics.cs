namespace Sodalite.Engine.CheckTypes.ChangeOverTimeCheck;

/// <summary>What a change-over-time check compared: the past value (null when the history had none), the current one, and how many past values there were.</summary>
public sealed record ChangeDiagnostics(double? Past, double Current, int HistoryLength);
