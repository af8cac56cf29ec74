namespace Sodalite.Results.Model;

/// <summary>A check's outcome, written "pass", "warn" or "fail".</summary>
public enum Outcome
{
    Pass,
    Warn,
    Fail,
}
