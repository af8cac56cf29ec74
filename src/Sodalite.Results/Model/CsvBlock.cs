namespace Sodalite.Results.Model;

/// <summary>A block <c>{"type": "csv", "text", "title"}</c>: a table as CSV text, e.g. a schema check's measured columns ("Schema") and events ("Diagnostics").</summary>
public sealed record CsvBlock(string Text, string Title) : DiagnosticsBlock(Title);
