namespace Sodalite.Engine.CheckTypes.FreshnessCheck;

/// <summary>What a freshness check measured, as Soda reports it (texts are Python str() values).</summary>
public sealed record FreshnessDiagnostics(string? MaxColumnTimestamp, string? MaxColumnTimestampUtc, string NowVariableName,
    string NowTimestamp, string NowTimestampUtc, string? Freshness);
