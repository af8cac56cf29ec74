namespace Sodalite.Hub.Pages.Models;

/// <summary>How many checks passed, warned, failed, or could not be evaluated because of an error, in one scan.</summary>
public sealed record OutcomeCounts(int Pass, int Warn, int Fail, int Error)
{
    /// <summary>No checks.</summary>
    public static OutcomeCounts None { get; } = new(0, 0, 0, 0);
    /// <summary>All of them.</summary>
    public int Total => Pass + Warn + Fail + Error;
}
