// The hub as a metric history (`sodalite scan --history https://HUB`): the values of metrics by identity, newest first, from the
// scans the hub stored; a scan's own metrics reach it as any pushed scan does (POST /api/v2/scans).
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sodalite.Hub.Data;
using Http = Microsoft.AspNetCore.Http.Results;

namespace Sodalite.Hub.Endpoints;

/// <summary>GET /api/v2/metrics/history?identity=ID[&amp;identity=ID...]: <c>{"series": {ID: [{"dataTimestamp", "scanTimestamp", "value"}]}}</c>, newest first.</summary>
public static class HistoryEndpoints
{
    /// <summary>Maps the endpoint (read role).</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v2").RequireAuthorization(Policies.Read).WithTags("history");
        read.MapGet("/metrics/history", async (HubDb db, [FromQuery] string[]? identity) =>
        {
            var ids = (identity ?? []).Distinct().ToList();
            if (ids.Count == 0) return Http.BadRequest(new { detail = "Give at least one metric identity: ?identity=metric-..." });
            if (ids.Count > 1000) return Http.BadRequest(new { detail = "At most 1000 identities per request." });
            var rows = await db.MetricValues.AsNoTracking()
                .Where(m => ids.Contains(m.Identity))
                .Select(m => new { m.Identity, m.DataTimestamp, ScanStart = m.Scan!.ScanStart, m.ValueJson })
                .ToListAsync();
            var series = new JsonObject();
            foreach (var g in rows.GroupBy(r => r.Identity).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var points = new JsonArray();
                foreach (var r in g.OrderByDescending(r => r.DataTimestamp).ThenByDescending(r => r.ScanStart ?? r.DataTimestamp))
                    points.Add(new JsonObject
                    {
                        ["dataTimestamp"] = r.DataTimestamp.ToUniversalTime().ToString("O"),
                        ["scanTimestamp"] = (r.ScanStart ?? r.DataTimestamp).ToUniversalTime().ToString("O"),
                        ["value"] = JsonNode.Parse(r.ValueJson),
                    });
                series[g.Key] = points;
            }
            return Http.Content(new JsonObject { ["series"] = series }.ToJsonString(), "application/json");
        }).WithName("getMetricHistory").WithSummary("The stored values of metrics, by metric identity, newest first")
            .WithDescription("Give each metric identity as a repeated query parameter: ?identity=metric-a&identity=metric-b (1 to 1000). Identities the hub has no values of are left out of series.")
            .Produces<MetricHistory>().Produces<ApiError>(StatusCodes.Status400BadRequest);
    }
}
