// The hub as the metric history of `sodalite scan --history https://HUB`: reads series through GET /api/v2/metrics/history and
// leaves each scan's metrics by pushing its results (POST /api/v2/scans, idempotent), so a team shares one history.
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sodalite.Engine.History;
using Sodalite.Qalita;
using Sodalite.Results.Model;
using Sodalite.Results.Soda;

namespace Sodalite.Cli;

/// <summary>A metric history kept by a Sodalite hub.</summary>
/// <param name="delivery">Sends to the hub (its base address), with retries.</param>
/// <param name="token">A bearer token with the dataengineer role (to push) or viewer (to read only).</param>
/// <param name="tokenSource">Where the token came from, for messages.</param>
/// <param name="source">The hub source the scan's results are stored under; null: each scan's data source.</param>
public sealed class HubMetricHistory(Delivery delivery, string token, string tokenSource, string? source) : IMetricHistory
{
    private readonly string? sourceName = source;


    /// <inheritdoc/>
    public string Location => delivery.Http.BaseAddress?.ToString() ?? "the hub";

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<HistoricMeasurement>>> ReadAsync(IReadOnlyCollection<string> identities, CancellationToken ct)
    {
        var found = new Dictionary<string, IReadOnlyList<HistoricMeasurement>>();
        foreach (var chunk in identities.Distinct().Chunk(100))
        {
            string query = "/api/v2/metrics/history?" + string.Join('&', chunk.Select(i => "identity=" + Uri.EscapeDataString(i)));
            HttpResponseMessage response;
            try
            {
                response = await delivery.SendAsync(() =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, query);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    return request;
                }, "read the metric history", ct);
            }
            catch (PushException e)
            {
                throw new HistoryException($"Could not read the metric history from the hub at {Location}: {e.Message}", e);
            }
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new HistoryException($"The hub at {Location}: {Delivery.TokenHint(response.StatusCode, tokenSource)} ({await Delivery.DetailAsync(response)}).");
            if (!response.IsSuccessStatusCode)
                throw new HistoryException($"The hub at {Location} refused to read the metric history ({(int)response.StatusCode}): {await Delivery.DetailAsync(response)}");
            try
            {
                using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                foreach (var series in doc.RootElement.GetProperty("series").EnumerateObject())
                    found[series.Name] = [.. series.Value.EnumerateArray().Select(p => new HistoricMeasurement(series.Name,
                        DateTimeOffset.Parse(p.GetProperty("dataTimestamp").GetString()!, CultureInfo.InvariantCulture),
                        DateTimeOffset.Parse(p.GetProperty("scanTimestamp").GetString()!, CultureInfo.InvariantCulture),
                        SodaJsonReader.ReadValue(p.GetProperty("value"))))];
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new HistoryException($"The hub at {Location} answered the metric history in a shape this version does not read: {e.Message}", e);
            }
        }
        return found;
    }

    /// <inheritdoc/>
    public async Task<int> AppendAsync(ScanResult scan, CancellationToken ct)
    {
        // The same body `scan --push hub` sends, samples included: whichever reaches the hub first is the one it keeps.
        byte[] document = Encoding.UTF8.GetBytes(SodaJsonWriter.WritePushBody(scan));
        string source = sourceName ?? scan.DefaultDataSource ?? "default";
        try
        {
            var stored = await new HubClient(delivery, token, tokenSource).SendAsync(HubClient.PathFor(source), HubClient.KeyFor(source, document), document, ct);
            return stored.Duplicate ? 0 : scan.Metrics.Count(m => m.Value is not null);
        }
        catch (PushException e)
        {
            throw new HistoryException($"Could not add this scan's metrics to the hub's history at {Location}: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
