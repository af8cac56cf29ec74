namespace Sodalite.Results.Model;

/// <summary>
/// A block <c>{"type": "failedRowsAnalysis", "title": "Failed Rows Analysis", "file", "failingRowsQueryName",
/// "passingRowsQueryName", "totalFailingRows", "sampleRowCount"}</c>: a sample of failed rows, with the names of the
/// queries (in queries[]) that select the failing and the passing rows.
/// </summary>
public sealed record FailedRowsAnalysisBlock(string Title, FailedRowsFile File, string? FailingRowsQueryName, string? PassingRowsQueryName,
    ResultValue? TotalFailingRows, long SampleRowCount) : DiagnosticsBlock(Title);
