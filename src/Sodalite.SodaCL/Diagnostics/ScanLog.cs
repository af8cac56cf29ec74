namespace Sodalite.SodaCL.Diagnostics;

/// <summary>One log record of a scan, as Soda keeps them in the results' logs[].</summary>
/// <param name="Level">The record's level.</param>
/// <param name="Message">The message as Soda words it; may span lines.</param>
/// <param name="Timestamp">When it was logged (the scan's <see cref="TimeProvider"/>, UTC).</param>
/// <param name="Location">Where in a SodaCL or configuration file, when the record is about one.</param>
/// <param name="Doc">Soda's documentation slug (shown as https://go.soda.io/DOC), when Soda gives one.</param>
/// <param name="Exception">Extra detail lines (an exception's message and the like), shown under the message on the console.</param>
public sealed record ScanLog(ScanLogLevel Level, string Message, DateTimeOffset Timestamp,
    SourceLocation? Location = null, string? Doc = null, string? Exception = null);
