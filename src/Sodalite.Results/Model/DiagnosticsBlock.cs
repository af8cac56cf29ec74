namespace Sodalite.Results.Model;

/// <summary>
/// One diagnostics.blocks[] entry, by its "type": <see cref="CsvBlock"/> ("csv"), <see cref="FailedRowsFileBlock"/>
/// ("file") or <see cref="FailedRowsAnalysisBlock"/> ("failedRowsAnalysis"); Title is its "title".
/// </summary>
public abstract record DiagnosticsBlock(string Title);
