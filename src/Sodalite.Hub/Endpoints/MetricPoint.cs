using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sodalite.Hub.Endpoints;

/// <summary>One stored value of a metric (in MetricHistory.series); its fields are camelCase, as Soda's documents are.</summary>
/// <param name="DataTimestamp">The scan's data timestamp (ISO 8601, UTC).</param>
/// <param name="ScanTimestamp">When the scan ran (ISO 8601, UTC; the data timestamp when the document does not say).</param>
/// <param name="Value">The metric's value as the scan reported it: a number, or a structure (a schema, group values, ...).</param>
public sealed record MetricPoint(
    [property: JsonPropertyName("dataTimestamp")] string DataTimestamp,
    [property: JsonPropertyName("scanTimestamp")] string ScanTimestamp,
    [property: JsonPropertyName("value")] JsonNode? Value);
