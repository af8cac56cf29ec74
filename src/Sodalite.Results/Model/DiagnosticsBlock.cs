namespace Sodalite.Results.Model;

/// <summary>
/// One diagnostics.blocks[] entry, by its "type": <see cref="CsvBlock"/> ("csv"), <see cref="FailedRowsFileBlock"/>
/// ("file") or <see cref="FailedRowsAnalysisBlock"/> ("failedRowsAnalysis").
/// </summary>
public abstract record DiagnosticsBlock
{
    private protected DiagnosticsBlock(string title) => Title = title;

    /// <summary>title: what the block shows, e.g. "Schema", "Failed Rows Analysis".</summary>
    public string Title { get; init; }
}
