// The failed rows a check's sample query returned, kept so that a push can carry them to the hub. Soda's -srf document has no
// rows (its failed-rows blocks only count them), so these travel beside it: SodaJsonWriter.WritePushBody adds them under the
// top-level key "failedRowSamples", SodaJsonReader reads them back, SodaPushBody.Strip takes them out again.
namespace Sodalite.Results.Model;

/// <summary>
/// One failing or warning check's failed-row sample: <c>{"check": "…", "columns": [{"name", "type"}], "rows": [[…], …],
/// "totalRowCount": 12}</c>. Each row holds one value per column, in column order; a value is an <see cref="IntegerValue"/>,
/// <see cref="FloatValue"/>, <see cref="BooleanValue"/>, <see cref="TextValue"/> or null (SQL NULL). Samples compare by content.
/// </summary>
/// <param name="Check">The v3 identity of the check that judged the sampled metric (<see cref="ScanCheck.Identity"/>); a metric
/// two checks judge gives each of them a sample.</param>
/// <param name="Columns">The sample's columns, with their types as the database names them.</param>
/// <param name="Rows">The rows, at most the check's <c>samples limit</c>.</param>
/// <param name="TotalRowCount">How many rows failed in all, when known (it may exceed <see cref="Rows"/>' count); null when unknown.</param>
public sealed record FailedRowSample(string Check, IReadOnlyList<SampleColumn> Columns, IReadOnlyList<IReadOnlyList<ResultValue?>> Rows, long? TotalRowCount = null)
{
    /// <summary>Equal to a sample of the same check with equal columns, rows (value by value) and total.</summary>
    public bool Equals(FailedRowSample? other) =>
        other is not null && Check == other.Check && TotalRowCount == other.TotalRowCount && Columns.SequenceEqual(other.Columns)
        && Rows.Count == other.Rows.Count && Rows.Zip(other.Rows).All(p => p.First.SequenceEqual(p.Second));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Check, TotalRowCount, Columns.Count, Rows.Count);
}
