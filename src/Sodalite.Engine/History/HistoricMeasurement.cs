using Sodalite.Results.Model;

namespace Sodalite.Engine.History;

/// <summary>One past value of a metric, as a scan recorded it.</summary>
/// <param name="MetricIdentity">Soda's metric identity (spec/sodacl.md §5.2): the series key, as Soda Cloud keys it.</param>
/// <param name="DataTimestamp">The scan's data timestamp (<c>-t</c>, else its start), in UTC.</param>
/// <param name="ScanTimestamp">When the scan started, in UTC.</param>
/// <param name="Value">The value as the results document has it (a number; the schema metric's list of columns); null when not computed.</param>
public sealed record HistoricMeasurement(string MetricIdentity, DateTimeOffset DataTimestamp, DateTimeOffset ScanTimestamp, ResultValue? Value);
