namespace Sodalite.SodaCL.Grammar;

/// <summary>Legacy <c>freshness using col [with VAR] [&lt; 1d]</c>.</summary>
/// <param name="Column">The timestamp column.</param>
/// <param name="Variable">The variable holding "now" (<c>with VAR</c>); null: the variable NOW.</param>
/// <param name="Threshold">The single time unit after <c>&lt; </c> as written (e.g. 1d, 26h); null without.</param>
public sealed record FreshnessUsingLine(string Column, string? Variable, string? Threshold) : CheckLine;
