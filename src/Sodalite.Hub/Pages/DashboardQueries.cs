// The reads behind the hub's pages: a few set-based queries per page, no change tracking, ordering by data timestamp done in
// memory (SQLite cannot order DateTimeOffset columns in SQL; EF stores them as ticks there).
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sodalite.Hub.Data;
using Sodalite.Hub.Pages.Models;

namespace Sodalite.Hub.Pages;

/// <summary>Builds the models the pages render. Every method reads; none writes. Database errors propagate.</summary>
public sealed class DashboardQueries(HubDb db)
{
    /// <summary>How many outcomes a dataset page's strips show per check.</summary>
    public const int StripLength = 30;

    /// <summary>The overview: every dataset with its latest score, dimensions, trend, open issues, latest scan and outcomes.</summary>
    public async Task<OverviewModel> OverviewAsync(ListQuery query, CancellationToken ct)
    {
        var datasets = await db.Datasets.AsNoTracking().Select(d => new { d.Id, d.Name, d.SourceId, Source = d.Source!.Name }).ToListAsync(ct);
        var scores = await db.Scores.AsNoTracking().Where(s => s.DatasetId != null && s.Dimension == null && s.ScanId != null)
            .Select(s => new { DatasetId = s.DatasetId!.Value, ScanId = s.ScanId!.Value, s.Value, s.DataTimestamp }).ToListAsync(ct);
        var byDataset = scores.GroupBy(s => s.DatasetId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.DataTimestamp).ThenBy(s => s.ScanId).ToList());
        var latestScanIds = byDataset.Values.Select(l => l[^1].ScanId).Distinct().ToList();
        var dims = await db.Scores.AsNoTracking().Where(s => s.DatasetId != null && s.Dimension != null && s.ScanId != null && latestScanIds.Contains(s.ScanId.Value))
            .Select(s => new { DatasetId = s.DatasetId!.Value, ScanId = s.ScanId!.Value, Dimension = s.Dimension!, s.Value }).ToListAsync(ct);
        var scans = await db.Scans.AsNoTracking().Where(s => latestScanIds.Contains(s.Id)).Select(s => new ScanRef(s.Id, s.DataTimestamp, s.HasErrors)).ToListAsync(ct);
        var scanById = scans.ToDictionary(s => s.Id);
        var outcomes = await db.CheckResults.AsNoTracking().Where(r => latestScanIds.Contains(r.ScanId))
            .GroupBy(r => new { r.ScanId, r.Check!.DatasetId, r.Outcome }).Select(g => new { g.Key.ScanId, g.Key.DatasetId, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct);
        var errored = await db.ErroredChecks.AsNoTracking().Where(e => latestScanIds.Contains(e.ScanId) && e.DatasetId != null && e.CheckId == null)
            .GroupBy(e => new { e.ScanId, e.DatasetId }).Select(g => new { g.Key.ScanId, g.Key.DatasetId, Count = g.Count() }).ToListAsync(ct);
        var issueCounts = await db.Issues.AsNoTracking().GroupBy(i => new { i.DatasetId, Resolved = i.Status == "resolved" })
            .Select(g => new { g.Key.DatasetId, g.Key.Resolved, Count = g.Count() }).ToListAsync(ct);
        var open = issueCounts.Where(x => !x.Resolved).ToDictionary(x => x.DatasetId, x => x.Count);
        var resolved = issueCounts.Where(x => x.Resolved).ToDictionary(x => x.DatasetId, x => x.Count);

        // Keyed once by (scan, dataset), so each dataset's row is a few lookups however many datasets there are.
        var outcomeCounts = outcomes.GroupBy(x => (x.ScanId, x.DatasetId, x.Outcome)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var unknownErrors = errored.GroupBy(x => (x.ScanId, DatasetId: x.DatasetId!.Value)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var dimsByScan = dims.ToLookup(x => (x.ScanId, x.DatasetId));
        var rows = new List<OverviewModel.Row>();
        foreach (var d in datasets)
        {
            byDataset.TryGetValue(d.Id, out var series);
            var latest = series?[^1];
            ScanRef? last = latest is null ? null : scanById.GetValueOrDefault(latest.ScanId);
            var counts = OutcomeCounts.None;
            if (latest is not null)
            {
                int N(string o) => outcomeCounts.GetValueOrDefault((latest.ScanId, d.Id, o));
                counts = new OutcomeCounts(N("pass"), N("warn"), N("fail"), N("error") + unknownErrors.GetValueOrDefault((latest.ScanId, d.Id)));
            }
            var dimensions = latest is null ? new Dictionary<string, double>()
                : dimsByScan[(latest.ScanId, d.Id)].ToDictionary(x => x.Dimension, x => x.Value);
            rows.Add(new OverviewModel.Row(d.SourceId, d.Source, d.Id, d.Name, latest?.Value, dimensions,
                series is null ? [] : series.TakeLast(30).Select(s => s.Value).ToList(), open.GetValueOrDefault(d.Id), resolved.GetValueOrDefault(d.Id), last, counts));
        }
        IEnumerable<OverviewModel.Row> filtered = rows;
        if (!string.IsNullOrWhiteSpace(query.Source)) filtered = filtered.Where(r => r.Source == query.Source);
        if (!string.IsNullOrWhiteSpace(query.Q))
            filtered = filtered.Where(r => r.Dataset.Contains(query.Q, StringComparison.OrdinalIgnoreCase) || r.Source.Contains(query.Q, StringComparison.OrdinalIgnoreCase));
        // Sorted by score, worst first, unless asked otherwise.
        IOrderedEnumerable<OverviewModel.Row> sorted = query.Sort switch
        {
            "dataset" => query.Desc ? filtered.OrderByDescending(r => r.Dataset, StringComparer.Ordinal) : filtered.OrderBy(r => r.Dataset, StringComparer.Ordinal),
            "source" => query.Desc ? filtered.OrderByDescending(r => r.Source, StringComparer.Ordinal) : filtered.OrderBy(r => r.Source, StringComparer.Ordinal),
            "issues" => query.Desc ? filtered.OrderByDescending(r => r.OpenIssues) : filtered.OrderBy(r => r.OpenIssues),
            "scan" => query.Desc ? filtered.OrderByDescending(r => r.LastScan?.DataTimestamp) : filtered.OrderBy(r => r.LastScan?.DataTimestamp),
            _ => query.Desc ? filtered.OrderByDescending(r => r.Score ?? 2) : filtered.OrderBy(r => r.Score ?? 2),
        };
        var all = sorted.ThenBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Dataset, StringComparer.Ordinal).ToList();
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(ct);
        return new OverviewModel(all.Skip(query.Skip).Take(ListQuery.PageSize).ToList(), all.Count, query, sources);
    }

    /// <summary>A dataset page's model; null when there is no dataset <paramref name="id"/>.</summary>
    public async Task<DatasetModel?> DatasetAsync(int id, CancellationToken ct)
    {
        var d = await db.Datasets.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.Name, x.SourceId, Source = x.Source!.Name }).FirstOrDefaultAsync(ct);
        if (d is null) return null;
        var scoreRows = await db.Scores.AsNoTracking().Where(s => s.DatasetId == id && s.Dimension == null && s.ScanId != null)
            .Select(s => new { ScanId = s.ScanId!.Value, s.Value, s.Passed, s.Total, s.Errors, s.DataTimestamp, s.Scan!.HasErrors }).ToListAsync(ct);
        var scores = scoreRows.Select(s => new DatasetModel.ScorePoint(new ScanRef(s.ScanId, s.DataTimestamp, s.HasErrors), s.Value, s.Passed, s.Total, s.Errors))
            .OrderBy(s => s.Scan.DataTimestamp).ThenBy(s => s.Scan.Id).ToList();
        int? latestScan = scores.Count > 0 ? scores[^1].Scan.Id : null;
        var dimensions = latestScan is null ? new Dictionary<string, double>()
            : await db.Scores.AsNoTracking().Where(s => s.DatasetId == id && s.ScanId == latestScan && s.Dimension != null).ToDictionaryAsync(s => s.Dimension!, s => s.Value, ct);

        var checks = await db.Checks.AsNoTracking().Where(c => c.DatasetId == id).Select(c => new { c.Id, c.Name, c.Column, c.Dimension }).ToListAsync(ct);
        // The strips: the results of the dataset's last StripLength scans (by the (scan, check) index).
        var stripScans = scores.TakeLast(StripLength).Select(s => s.Scan.Id).ToList();
        var results = await db.CheckResults.AsNoTracking().Where(r => stripScans.Contains(r.ScanId) && r.Check!.DatasetId == id)
            .Select(r => new { r.Id, r.CheckId, r.ScanId, r.Outcome, r.Value, r.DataTimestamp }).ToListAsync(ct);
        var strips = results.GroupBy(r => r.CheckId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.DataTimestamp).ThenBy(r => r.ScanId).ToList());
        // Each check's latest result, for its value and thresholds: the end of its strip, else (a check the last scans did not
        // run) its newest result.
        var latestIds = strips.Values.Select(l => l[^1].Id).ToList();
        var stale = checks.Select(c => c.Id).Where(c => !strips.ContainsKey(c)).ToList();
        if (stale.Count > 0)
            latestIds.AddRange(await db.CheckResults.AsNoTracking().Where(r => stale.Contains(r.CheckId)).GroupBy(r => r.CheckId).Select(g => g.Max(r => r.Id)).ToListAsync(ct));
        var latestByCheck = await db.CheckResults.AsNoTracking().Where(r => latestIds.Contains(r.Id))
            .Select(r => new { r.CheckId, r.Value, r.DiagnosticsJson }).ToDictionaryAsync(r => r.CheckId, ct);
        var issues = (await db.Issues.AsNoTracking().Where(i => i.DatasetId == id).Select(i => new { i.Id, i.CheckId, i.Status }).ToListAsync(ct))
            .ToDictionary(i => i.CheckId);
        var rows = checks.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c =>
        {
            latestByCheck.TryGetValue(c.Id, out var l);
            issues.TryGetValue(c.Id, out var issue);
            var strip = strips.TryGetValue(c.Id, out var cells) ? cells.Select(r => new StripCell(r.ScanId, r.DataTimestamp, r.Outcome)).ToList() : [];
            return new DatasetModel.CheckRow(c.Id, c.Name, c.Column, c.Dimension, strip, l?.Value,
                Thresholds.FromDiagnostics(l?.DiagnosticsJson), issue?.Id, issue?.Status);
        }).ToList();

        var schemaJson = (await db.MetricValues.AsNoTracking().Where(m => m.DatasetId == id && m.MetricName == "schema")
            .OrderByDescending(m => m.Id).Select(m => m.ValueJson).Take(1).ToListAsync(ct)).FirstOrDefault();
        var errored = latestScan is null ? [] : (await db.ErroredChecks.AsNoTracking().Where(e => e.ScanId == latestScan && e.DatasetId == id && e.CheckId == null)
            .OrderBy(e => e.Id).Select(e => new { e.Name, e.Error }).ToListAsync(ct)).Select(e => (e.Name, e.Error)).ToList();
        int open = await db.Issues.CountAsync(i => i.DatasetId == id && i.Status != "resolved", ct);
        return new DatasetModel(d.Id, d.Name, d.SourceId, d.Source, scores, dimensions, rows, Schema(schemaJson), open, errored, scores.Count);
    }

    /// <summary>A check page's model (results page <paramref name="page"/>, 50 per page); null when there is no check <paramref name="id"/>.</summary>
    public async Task<CheckModel?> CheckAsync(int id, int page, CancellationToken ct)
    {
        var c = await db.Checks.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Name, x.Definition, x.Column, x.Metric, x.Dimension, x.Location, x.DatasetId, Dataset = x.Dataset!.Name, Source = x.Dataset.Source!.Name })
            .FirstOrDefaultAsync(ct);
        if (c is null) return null;
        var rows = await db.CheckResults.AsNoTracking().Where(r => r.CheckId == id)
            .Select(r => new { r.Id, r.ScanId, r.Outcome, r.Value, r.Error, r.DataTimestamp, r.Scan!.HasErrors }).ToListAsync(ct);
        var series = rows.OrderBy(r => r.DataTimestamp).ThenBy(r => r.ScanId)
            .Select(r => new CheckModel.Point(new ScanRef(r.ScanId, r.DataTimestamp, r.HasErrors), r.Outcome, r.Value, r.Error)).ToList();
        int latestId = rows.Count == 0 ? 0 : rows.Max(r => r.Id);
        string? diagnostics = latestId == 0 ? null : await db.CheckResults.AsNoTracking().Where(r => r.Id == latestId).Select(r => r.DiagnosticsJson).FirstOrDefaultAsync(ct);
        page = Math.Max(page, 1);
        var pageRows = Enumerable.Reverse(series).Skip((page - 1) * ListQuery.PageSize).Take(ListQuery.PageSize).ToList();

        CheckModel.SampleView? sample = null;
        var failing = series.LastOrDefault(p => p.Outcome is "fail" or "warn");
        if (failing is not null
            && await db.CheckSamples.AsNoTracking().Where(s => s.CheckId == id && s.ScanId == failing.Scan.Id).FirstOrDefaultAsync(ct) is { } kept)
            sample = SampleView(failing.Scan, kept);
        int? issueId = await db.Issues.AsNoTracking().Where(i => i.CheckId == id).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        return new CheckModel(c.Id, c.Name, c.Definition, c.Column, c.Metric, c.Dimension, c.Location, c.DatasetId, c.Dataset, c.Source, series,
            Thresholds.FromDiagnostics(diagnostics), pageRows, page, sample, issueId);
    }

    /// <summary>The issue board for <paramref name="filter"/>.</summary>
    public async Task<IssuesModel> IssuesAsync(IssueFilter filter, CancellationToken ct)
    {
        var q = db.Issues.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(filter.Source)) q = q.Where(i => i.Dataset!.Source!.Name == filter.Source);
        if (!string.IsNullOrWhiteSpace(filter.Dataset)) q = q.Where(i => i.Dataset!.Name == filter.Dataset);
        if (!string.IsNullOrWhiteSpace(filter.Severity)) q = q.Where(i => i.Severity == filter.Severity);
        if (!string.IsNullOrWhiteSpace(filter.Assignee)) q = q.Where(i => i.Assignee == filter.Assignee);
        var counts = (await q.GroupBy(i => new { i.Status, i.Muted }).Select(g => new { g.Key.Status, g.Key.Muted, Count = g.Count() }).ToListAsync(ct));
        var byColumn = IssueFilter.Statuses.ToDictionary(s => s, s => counts.Where(x => Column(x.Status, x.Muted) == s).Sum(x => x.Count));
        q = filter.Status switch
        {
            "muted" => q.Where(i => i.Muted && i.Status != "resolved"),
            "resolved" => q.Where(i => i.Status == "resolved"),
            var s => q.Where(i => !i.Muted && i.Status == s),
        };
        int total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(i => i.Severity == "high").ThenByDescending(i => i.Id)
            .Skip((Math.Max(filter.Page, 1) - 1) * ListQuery.PageSize).Take(ListQuery.PageSize)
            .Select(i => new IssuesModel.Row(i.Id, i.Title, i.Status, i.Severity, i.Muted, i.Assignee, i.Dataset!.Source!.Name, i.DatasetId, i.Dataset.Name, i.Occurrences, i.LastSeenAt))
            .ToListAsync(ct);
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(ct);
        var assignees = await db.Issues.AsNoTracking().Where(i => i.Assignee != null).Select(i => i.Assignee!).Distinct().OrderBy(a => a).ToListAsync(ct);
        return new IssuesModel(rows, total, filter, byColumn, sources, assignees);
    }

    /// <summary>The column of the board an issue is in.</summary>
    public static string Column(string status, bool muted) => status == "resolved" ? "resolved" : muted ? "muted" : status;

    /// <summary>An issue page's model; null when there is no issue <paramref name="id"/>.</summary>
    public async Task<IssueModel?> IssueAsync(int id, bool canAct, CancellationToken ct)
    {
        var i = await db.Issues.AsNoTracking().Where(x => x.Id == id).Select(x => new
        {
            x.Id,
            x.Title,
            x.Status,
            x.Severity,
            x.Muted,
            x.Assignee,
            x.Occurrences,
            x.FirstSeenAt,
            x.LastSeenAt,
            x.ResolvedAt,
            x.ResolvedByScanId,
            x.CheckId,
            CheckName = x.Check!.Name,
            x.DatasetId,
            Dataset = x.Dataset!.Name,
            Source = x.Dataset.Source!.Name,
        }).FirstOrDefaultAsync(ct);
        if (i is null) return null;
        var events = await db.IssueEvents.AsNoTracking().Where(e => e.IssueId == id).OrderBy(e => e.Id)
            .Select(e => new IssueModel.Event(e.At, e.Kind, e.Actor, e.Note, e.ScanId)).ToListAsync(ct);
        return new IssueModel(i.Id, i.Title, i.Status, i.Severity, i.Muted, i.Assignee, i.Occurrences, i.FirstSeenAt, i.LastSeenAt, i.ResolvedAt,
            i.ResolvedByScanId, i.CheckId, i.CheckName, i.DatasetId, i.Dataset, i.Source, events, canAct);
    }

    /// <summary>The scan list, newest stored first.</summary>
    public async Task<ScansModel> ScansAsync(ListQuery query, CancellationToken ct)
    {
        var q = db.Scans.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Source)) q = q.Where(s => s.Source!.Name == query.Source);
        int total = await q.CountAsync(ct);
        var scans = await q.OrderByDescending(s => s.Id).Skip(query.Skip).Take(ListQuery.PageSize)
            .Select(s => new { s.Id, s.DataTimestamp, s.HasErrors, Source = s.Source!.Name, s.DefinitionName, s.ReceivedAt, s.ErrorCount, s.ErroredChecks }).ToListAsync(ct);
        var ids = scans.Select(s => s.Id).ToList();
        var outcomes = await db.CheckResults.AsNoTracking().Where(r => ids.Contains(r.ScanId)).GroupBy(r => new { r.ScanId, r.Outcome })
            .Select(g => new { g.Key.ScanId, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct);
        var knownErrors = outcomes.Where(o => o.Outcome == "error").ToDictionary(o => o.ScanId, o => o.Count);
        var rows = scans.Select(s =>
        {
            int N(string o) => outcomes.Where(x => x.ScanId == s.Id && x.Outcome == o).Sum(x => x.Count);
            // ErroredChecks counts every check the scan could not evaluate, known to the hub or not.
            return new ScansModel.Row(new ScanRef(s.Id, s.DataTimestamp, s.HasErrors), s.Source, s.DefinitionName, s.ReceivedAt,
                new OutcomeCounts(N("pass"), N("warn"), N("fail"), Math.Max(s.ErroredChecks, knownErrors.GetValueOrDefault(s.Id))), s.ErrorCount);
        }).ToList();
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(ct);
        return new ScansModel(rows, total, query, sources);
    }

    /// <summary>A scan page's model; null when there is no scan <paramref name="id"/>.</summary>
    public async Task<ScanModel?> ScanAsync(int id, CancellationToken ct)
    {
        var s = await db.Scans.AsNoTracking().Where(x => x.Id == id).Select(x => new
        {
            x.Id,
            x.DataTimestamp,
            x.HasErrors,
            x.HasWarnings,
            x.HasFailures,
            x.SourceId,
            Source = x.Source!.Name,
            x.DefinitionName,
            x.DataSourceName,
            x.ReceivedAt,
            x.ErrorCount,
        }).FirstOrDefaultAsync(ct);
        if (s is null) return null;
        var checks = await db.CheckResults.AsNoTracking().Where(r => r.ScanId == id)
            .Select(r => new ScanModel.CheckRow(r.CheckId, r.Check!.Name, r.Check.DatasetId, r.Check.Dataset!.Name, r.Outcome, r.Value, r.Error)).ToListAsync(ct);
        var datasetNames = await db.Datasets.AsNoTracking().Where(d => d.SourceId == s.SourceId).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var errored = (await db.ErroredChecks.AsNoTracking().Where(e => e.ScanId == id && e.CheckId == null).OrderBy(e => e.Id).ToListAsync(ct))
            .Select(e => new ScanModel.ErroredRow(e.Name, e.DatasetId, e.DatasetId is { } d ? datasetNames.GetValueOrDefault(d) : null, e.Error, e.CheckId)).ToList();
        var logs = await db.ScanLogs.AsNoTracking().Where(l => l.ScanId == id).OrderBy(l => l.Index)
            .Select(l => new ScanModel.LogRow(l.Index, l.Level, l.Message, l.Location)).ToListAsync(ct);
        int N(string o) => checks.Count(c => c.Outcome == o);
        var order = new Dictionary<string, int> { ["error"] = 0, ["fail"] = 1, ["warn"] = 2, ["pass"] = 3 };
        return new ScanModel(new ScanRef(s.Id, s.DataTimestamp, s.HasErrors), s.SourceId, s.Source, s.DefinitionName, s.DataSourceName, s.ReceivedAt,
            s.HasWarnings, s.HasFailures, s.ErrorCount,
            checks.OrderBy(c => order.GetValueOrDefault(c.Outcome, 4)).ThenBy(c => c.Dataset, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal).ToList(),
            errored, logs, new OutcomeCounts(N("pass"), N("warn"), N("fail"), N("error") + errored.Count));
    }

    private static List<(string, string)> Schema(string? json)
    {
        var list = new List<(string, string)>();
        if (json is null) return list;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return list;
            foreach (var col in doc.RootElement.EnumerateArray())
                if (col.ValueKind == JsonValueKind.Object && col.TryGetProperty("columnName", out var n))
                    list.Add((n.ToString(), col.TryGetProperty("sourceDataType", out var t) ? t.ToString() : ""));
        }
        catch (JsonException)
        {
        }
        return list;
    }

    private static CheckModel.SampleView SampleView(ScanRef scan, CheckSample kept)
    {
        IReadOnlyList<(string, string)> columns = [];
        IReadOnlyList<IReadOnlyList<string?>> rows = [];
        try
        {
            columns = [.. kept.ReadColumns().Select(c => (c.Name ?? "", c.Type ?? ""))];
            rows = [.. kept.ReadRows().Select(r => (IReadOnlyList<string?>)[.. r.Select(v => v.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => v.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => v.GetRawText(),
            })])];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // A stored sample that is not the shape the hub writes shows as empty rather than failing the page.
        }
        return new CheckModel.SampleView(scan, columns, rows, kept.TotalRowCount, kept.Truncated);
    }

    /// <summary>A score in 0..1 as a percentage text ("87.5%"), or "–" when null.</summary>
    public static string Percent(double? score) => score is { } v ? (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "–";
}
