namespace Sodalite.SodaCL.Diagnostics;

public enum ScanLogLevel { Debug, Info, Warning, Error }

/// <summary>One log record of a scan, as Soda keeps them in the results' logs[].</summary>
public sealed record ScanLog(ScanLogLevel Level, string Message, DateTimeOffset Timestamp,
    SourceLocation? Location = null, string? Doc = null, string? Exception = null);
