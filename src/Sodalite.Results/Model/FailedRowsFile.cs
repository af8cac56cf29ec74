namespace Sodalite.Results.Model;

/// <summary>
/// A block's "file" <c>{"columns", "totalRowCount", "storedRowCount", "reference"}</c>: the sample's columns, how many
/// rows failed in all and how many the sample holds. The rows themselves are never in the results.
/// </summary>
public sealed record FailedRowsFile(IReadOnlyList<SampleColumn> Columns, long TotalRowCount, long StoredRowCount, FileReference Reference);
