namespace Sodalite.Results.Model;

/// <summary>A block <c>{"type": "file", "title": "Failed Rows", "file"}</c>: a failed-rows sample without failing/passing queries (failed rows checks, duplicates kept by the engine).</summary>
public sealed record FailedRowsFileBlock(string Title, FailedRowsFile File) : DiagnosticsBlock(Title);
