// Stores one scan results document in one transaction: source, datasets, checks, results, metric values, scores, and the
// issue lifecycle (a fail or warn opens or updates the check's issue, a pass resolves it, a later failure reopens it).
// The same document twice is stored once; a scan older than an issue's last state change does not change that state.
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sodalite.Hub.Data;
using Sodalite.Results.Model;
using Sodalite.Results.Soda;

namespace Sodalite.Hub.Ingestion;

public sealed class IngestService(HubDb db, TimeProvider time, SourceLocks locks, HubOptions options)
{

    public static string KeyFor(string source, byte[] body) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(source + "\n"), .. body]));

    /// <summary>
    /// Stores <paramref name="doc"/> as a scan of <paramref name="sourceName"/> unless a scan with <paramref name="idempotencyKey"/> is
    /// stored already. <paramref name="checkErrors"/> (by check identity) names checks of the document without an outcome that
    /// errored, as a Soda Cloud webhook reports them: each gets an "error" result and an <see cref="ErroredCheck"/> row.
    /// </summary>
    public async Task<IngestResult> IngestAsync(string sourceName, ScanDocument doc, string idempotencyKey, CancellationToken ct,
        IReadOnlyDictionary<string, string>? checkErrors = null)
    {
        var gate = db is SqliteHubDb ? locks.SqliteWriter : locks.For(sourceName);
        await gate.WaitAsync(ct);
        // One connection for every statement of the ingest, instead of one taken from the pool per query.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                db.ChangeTracker.Clear();
                if (await db.Scans.AsNoTracking().FirstOrDefaultAsync(s => s.IdempotencyKey == idempotencyKey, ct) is { } known)
                    return await DuplicateAsync(known, ct);
                try
                {
                    return await StoreAsync(sourceName, doc, idempotencyKey, checkErrors ?? new Dictionary<string, string>(), ct);
                }
                catch (Exception e) when (attempt < 3 && (e is DbUpdateException || DatabaseRefusal.Classify(e) is (409, _)))
                {
                    // Another hub process stored the same scan or created the same dataset meanwhile: look again.
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            gate.Release();
        }
    }

    private async Task<IngestResult> DuplicateAsync(Scan known, CancellationToken ct)
    {
        int results = await db.CheckResults.CountAsync(r => r.ScanId == known.Id, ct);
        int metrics = await db.MetricValues.CountAsync(m => m.ScanId == known.Id, ct);
        double? score = await db.Scores.Where(s => s.ScanId == known.Id && s.DatasetId == null && s.Dimension == null).Select(s => (double?)s.Value).FirstOrDefaultAsync(ct);
        return new IngestResult(known.Id, true, results, metrics, new IssueCounts(0, 0, 0, 0), score);
    }

    private async Task<IngestResult> StoreAsync(string sourceName, ScanDocument document, string key, IReadOnlyDictionary<string, string> checkErrors, CancellationToken ct)
    {
        var doc = document.Result;
        var dataTimestamp = doc.DataTimestamp ?? throw new ArgumentException("A stored scan needs its dataTimestamp.", nameof(document));
        var now = time.GetUtcNow();
        // Exactly once and in order across hub processes: the database serialises the scans of a source (PostgreSQL: a transaction
        // advisory lock on the source's name; SQLite: the write lock its immediate transaction takes), and the idempotency key is looked
        // up again under it, so a scan another process stored meanwhile is answered as a duplicate.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db is PostgresHubDb)
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"sodalite-source:" + sourceName}, 0))", ct);
        if (await db.Scans.AsNoTracking().FirstOrDefaultAsync(s => s.IdempotencyKey == key, ct) is { } stored)
            return await DuplicateAsync(stored, ct);
        // What a scan meets for the first time (its source, datasets, checks) is created through EF Core; what every scan writes
        // (the scan, results, metric values, scores, issue changes and events) goes through the bulk writer in a few statements.
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Name == sourceName, ct);
        if (source is null)
        {
            // A source first seen in a scan gets QALITA's first version, so uploads can name it (source_version_id).
            source = new Source { Name = sourceName, CreatedAt = now, Versions = [new SourceVersion { SemVer = "1.0.0" }] };
            db.Sources.Add(source);
            await db.SaveChangesAsync(ct);
        }
        var unevaluated = ScanProblems.Read(doc);
        // Checks listed without an outcome that the caller says errored (a Soda Cloud "error" result).
        var listedErrors = doc.Checks.Where(c => c.Outcome is null && checkErrors.ContainsKey(c.Identity)).DistinctBy(c => c.Identity).ToList();

        // Datasets: a check's table; data-source-level checks belong to a dataset named after the data source.
        var names = doc.Checks.Select(c => DatasetName(c, doc)).Concat(unevaluated.Where(u => u.Listed).Select(u => DatasetName(u.Table, doc))).Distinct().ToList();
        var datasets = await db.Datasets.AsNoTracking().Where(d => d.SourceId == source.Id && names.Contains(d.Name)).ToDictionaryAsync(d => d.Name, ct);
        bool created = false;
        foreach (var name in names.Where(n => !datasets.ContainsKey(n)))
        {
            db.Datasets.Add(datasets[name] = new Dataset { SourceId = source.Id, Name = name });
            created = true;
        }

        // Checks by (dataset, identity); a known check whose name, definition or location changed is updated in place.
        var datasetIds = datasets.Values.Where(d => d.Id != 0).Select(d => d.Id).ToList();
        var identities = doc.Checks.Select(c => c.Identity).Distinct().ToList();
        var checks = (await db.Checks.AsNoTracking().Where(x => datasetIds.Contains(x.DatasetId) && identities.Contains(x.Identity)).ToListAsync(ct))
            .ToDictionary(x => (x.DatasetId, x.Identity));
        if (created) await db.SaveChangesAsync(ct);
        var metricNames = doc.Metrics.GroupBy(m => m.Identity).ToDictionary(g => g.Key, g => g.First().MetricName);
        var changedChecks = new List<Check>();
        var newChecks = new List<Check>();
        foreach (var c in doc.Checks)
        {
            var dataset = datasets[DatasetName(c, doc)];
            string? metric = c.Metrics.Select(metricNames.GetValueOrDefault).FirstOrDefault(n => n is not null);
            string dimension = Dimensions.Of(c, metric);
            string? location = c.Location is { } loc ? LocationText(loc) : null;
            if (!checks.TryGetValue((dataset.Id, c.Identity), out var check))
            {
                check = new Check { DatasetId = dataset.Id, Identity = c.Identity, Name = c.Name, Definition = c.Definition, Column = c.Column, Metric = metric, Dimension = dimension, Location = location };
                db.Checks.Add(check);
                newChecks.Add(check);
                checks[(dataset.Id, c.Identity)] = check;
            }
            else if ((check.Name, check.Definition, check.Column, check.Metric, check.Dimension, check.Location) != (c.Name, c.Definition, c.Column, metric, dimension, location))
            {
                (check.Name, check.Definition, check.Column, check.Metric, check.Dimension, check.Location) = (c.Name, c.Definition, c.Column, metric, dimension, location);
                if (check.Id != 0 && !changedChecks.Contains(check)) changedChecks.Add(check);
            }
        }
        if (newChecks.Count > 0) await db.SaveChangesAsync(ct);
        var bulk = new BulkWriter(db);
        bulk.Update(changedChecks, nameof(Check.Name), nameof(Check.Definition), nameof(Check.Column), nameof(Check.Metric), nameof(Check.Dimension), nameof(Check.Location));
        var checkIds = checks.Values.Select(x => x.Id).ToList();
        var issues = (await db.Issues.AsNoTracking().Where(i => checkIds.Contains(i.CheckId)).ToListAsync(ct)).ToDictionary(i => (i.DatasetId, i.CheckId));

        var scan = new Scan
        {
            SourceId = source.Id,
            IdempotencyKey = key,
            DefinitionName = doc.DefinitionName ?? "",
            DataSourceName = doc.DefaultDataSource ?? "",
            DataTimestamp = dataTimestamp,
            ScanStart = doc.ScanStartTimestamp?.ToUniversalTime(),
            ScanEnd = doc.ScanEndTimestamp?.ToUniversalTime(),
            HasErrors = doc.HasErrors || listedErrors.Count > 0,
            HasWarnings = doc.HasWarnings,
            HasFailures = doc.HasFailures,
            ErrorCount = doc.Logs.Count(l => l.Level == LogEntryLevel.Error) + listedErrors.Count,
            ErroredChecks = unevaluated.Count + listedErrors.Count,
            ReceivedAt = now,
        };
        await bulk.InsertReturningAsync([scan], nameof(Scan.IdempotencyKey), ct);
        // Nothing vanishes: the error and warning records, and the checks the scan could not evaluate (Soda leaves them out of checks[]).
        bulk.Insert(doc.Logs.Where(l => l.Level is LogEntryLevel.Error or LogEntryLevel.Warning).Take(ScanLog.MaxPerScan).Select(l => new ScanLog
        {
            ScanId = scan.Id,
            Index = l.Index,
            Level = l.Level == LogEntryLevel.Error ? "error" : "warning",
            Message = l.Message.Length > ScanLog.MaxMessageLength ? l.Message[..ScanLog.MaxMessageLength] : l.Message,
            Location = l.Location is { } loc ? LocationText(loc) : null,
        }).ToList());

        var counts = new int[4];
        var scored = new List<(Dataset Dataset, string Dimension, bool Pass)>();
        var judged = new HashSet<int>();
        var results = new List<CheckResult>();
        var opened = new List<(Issue Issue, IssueEvent Event)>();
        var changedIssues = new List<Issue>();
        var events = new List<IssueEvent>();
        foreach (var c in doc.Checks)
        {
            if (OutcomeText(c.Outcome) is not { } outcome) continue;
            var dataset = datasets[DatasetName(c, doc)];
            var check = checks[(dataset.Id, c.Identity)];
            // The same check twice in one document (Soda lists identical checks once each): keep the first.
            if (!judged.Add(check.Id)) continue;
            results.Add(new CheckResult
            {
                ScanId = scan.Id,
                CheckId = check.Id,
                Outcome = outcome,
                Value = c.Diagnostics?.Value?.AsDouble(),
                DataTimestamp = dataTimestamp,
                DiagnosticsJson = c.Diagnostics is { } d ? SodaJsonWriter.Write(d) : "{}",
            });
            scored.Add((dataset, check.Dimension, c.Outcome == Outcome.Pass));
            issues.TryGetValue((dataset.Id, check.Id), out var known);
            var (issue, change, recorded) = IssueLifecycle.Decide(known, source.Name, dataset, check, outcome, dataTimestamp, now, scan.Id, $"{check.Name}: {outcome}");
            if (change == IssueChange.Opened) opened.Add((issue!, recorded!));
            if (recorded is not null) events.Add(recorded);
            // A known issue the observation was not too old for: its state time (and maybe more) moved, so it is written back.
            if (known is not null && known.StateTimestamp == dataTimestamp) changedIssues.Add(known);
            if (change != IssueChange.None) counts[(int)change - 1]++;
        }

        var samples = new List<CheckSample>();
        var (sampleBudget, sampled) = StoreSamples(doc, datasets, checks, judged, scan, samples);
        await AttachPendingSamplesAsync(sourceName, doc, datasets, checks, judged, scan, sampleBudget, sampled, samples, bulk, ct);

        // A not-evaluated check the hub knows from an earlier scan (same dataset and name, one such check) gets an "error" result, so
        // its history shows the gap; every one counts as not passed in its dataset's score and the source's.
        var erroredNames = unevaluated.Select(u => u.Name).Distinct().ToList();
        var allDatasetIds = datasets.Values.Select(d => d.Id).ToList();
        var named = erroredNames.Count == 0 ? [] : await db.Checks.AsNoTracking()
            .Where(x => allDatasetIds.Contains(x.DatasetId) && erroredNames.Contains(x.Name)).Select(x => new { x.Id, x.DatasetId, x.Name, x.Dimension }).ToListAsync(ct);
        var errored = new List<(int? DatasetId, string? Dimension)>();
        var erroredChecks = new List<ErroredCheck>();
        foreach (var u in unevaluated)
        {
            int? datasetId = u.Listed ? datasets[DatasetName(u.Table, doc)].Id : null;
            var candidates = named.Where(x => (datasetId is null || x.DatasetId == datasetId) && x.Name == u.Name).ToList();
            var match = candidates.Count == 1 && !judged.Contains(candidates[0].Id) ? candidates[0] : null;
            erroredChecks.Add(new ErroredCheck { ScanId = scan.Id, DatasetId = datasetId, Name = u.Name, CheckId = match?.Id, Error = u.Error });
            if (match is not null)
            {
                judged.Add(match.Id);
                results.Add(new CheckResult
                {
                    ScanId = scan.Id,
                    CheckId = match.Id,
                    Outcome = "error",
                    DataTimestamp = dataTimestamp,
                    DiagnosticsJson = "{}",
                    Error = u.Error ?? "The scan could not evaluate this check; see the scan's error logs.",
                });
            }
            errored.Add((datasetId, match?.Dimension));
        }

        foreach (var c in listedErrors)
        {
            var dataset = datasets[DatasetName(c, doc)];
            var check = checks[(dataset.Id, c.Identity)];
            if (!judged.Add(check.Id)) continue;
            string error = checkErrors[c.Identity];
            erroredChecks.Add(new ErroredCheck { ScanId = scan.Id, DatasetId = dataset.Id, Name = check.Name, CheckId = check.Id, Error = error });
            results.Add(new CheckResult
            {
                ScanId = scan.Id,
                CheckId = check.Id,
                Outcome = "error",
                DataTimestamp = dataTimestamp,
                DiagnosticsJson = c.Diagnostics is { } d ? SodaJsonWriter.Write(d) : "{}",
                Error = error,
            });
            errored.Add((dataset.Id, check.Dimension));
        }

        var metricValues = new List<MetricValue>(doc.Metrics.Count);
        foreach (var m in doc.Metrics)
        {
            // A metric belongs to the dataset of the first check that lists it.
            string? table = doc.ChecksOf(m.Identity).FirstOrDefault()?.Table;
            metricValues.Add(new MetricValue
            {
                ScanId = scan.Id,
                DatasetId = table is not null && datasets.TryGetValue(table, out var d) ? d.Id : null,
                Identity = m.Identity,
                MetricName = m.MetricName,
                Value = m.Value?.AsDouble(),
                ValueJson = SodaJsonWriter.Write(m.Value),
                DataTimestamp = dataTimestamp,
            });
        }

        // Scores: passed / (judged + errored); a check the scan could not evaluate counts as not passed (README, "Scores"), in its
        // dimension when the hub knows the check, else in the overall scores only.
        double? sourceScore = null;
        var scores = new List<Score>();
        var rows = scored.Select(r => (DatasetId: (int?)r.Dataset.Id, Dimension: (string?)r.Dimension, Pass: r.Pass, Error: false))
            .Concat(errored.Select(e => (e.DatasetId, e.Dimension, Pass: false, Error: true))).ToList();
        void AddScore(int? datasetId, string? dimension, IReadOnlyCollection<(int? DatasetId, string? Dimension, bool Pass, bool Error)> group)
        {
            if (group.Count == 0) return;
            int passed = group.Count(r => r.Pass), errors = group.Count(r => r.Error);
            double value = Math.Round((double)passed / group.Count, 4);
            scores.Add(new Score { ScanId = scan.Id, SourceId = source.Id, DatasetId = datasetId, Dimension = dimension, Passed = passed, Total = group.Count - errors, Errors = errors, Value = value, DataTimestamp = dataTimestamp });
            if (datasetId is null && dimension is null) sourceScore = value;
        }
        foreach (var g in rows.Where(r => r.DatasetId is not null).GroupBy(r => r.DatasetId))
        {
            AddScore(g.Key, null, [.. g]);
            foreach (var dim in g.Where(r => r.Dimension is not null).GroupBy(r => r.Dimension)) AddScore(g.Key, dim.Key, [.. dim]);
        }
        AddScore(null, null, rows);
        foreach (var dim in rows.Where(r => r.Dimension is not null).GroupBy(r => r.Dimension)) AddScore(null, dim.Key, [.. dim]);

        // New issues first (their events need their ids), then everything else in one command.
        await bulk.InsertReturningAsync([.. opened.Select(o => o.Issue)], nameof(Issue.CheckId), ct);
        foreach (var (issue, opening) in opened) opening.IssueId = issue.Id;
        bulk.Insert(results);
        bulk.Insert(metricValues);
        bulk.Insert(erroredChecks);
        bulk.Insert(samples);
        bulk.Insert(scores);
        bulk.Update(changedIssues, nameof(Issue.Title), nameof(Issue.Status), nameof(Issue.Severity), nameof(Issue.Occurrences), nameof(Issue.LastSeenAt),
            nameof(Issue.StateTimestamp), nameof(Issue.ResolvedByScanId), nameof(Issue.ResolvedAt), nameof(Issue.UpdatedAt));
        bulk.Insert(events);
        await bulk.FlushAsync(ct);
        await tx.CommitAsync(ct);
        return new IngestResult(scan.Id, false, scored.Count, doc.Metrics.Count, new IssueCounts(counts[0], counts[1], counts[2], counts[3]), sourceScore);
    }

    /// <summary>
    /// The failed-row samples the document carries (<c>failedRowSamples[]</c>) for the checks judged in it, within the hub's limits
    /// (<see cref="SampleLimits"/>), in document order, added to <paramref name="samples"/>; returns the bytes of the scan's budget
    /// left, and the checks that got a sample. None when samples are off.
    /// </summary>
    private (long Budget, HashSet<int> Stored) StoreSamples(ScanResult doc, Dictionary<string, Dataset> datasets, Dictionary<(int, string), Check> checks, HashSet<int> judged,
        Scan scan, List<CheckSample> samples)
    {
        long budget = options.SampleBytesPerScan;
        var stored = new HashSet<int>();
        if (!options.StoreSamples) return (budget, stored);
        foreach (var sample in doc.FailedRowSamples)
        {
            var owner = doc.Checks.FirstOrDefault(c => c.Identity == sample.Check);
            if (owner is null || !datasets.TryGetValue(DatasetName(owner, doc), out var dataset)
                || !checks.TryGetValue((dataset.Id, owner.Identity), out var check) || !judged.Contains(check.Id) || !stored.Add(check.Id)) continue;
            var (rows, count, truncated) = SampleLimits.Keep([.. sample.Rows.Select(SampleLimits.RowJson)], options.SampleRowsPerCheck, ref budget);
            samples.Add(new CheckSample
            {
                ScanId = scan.Id,
                CheckId = check.Id,
                ColumnsJson = System.Text.Json.JsonSerializer.Serialize(sample.Columns.Select(c => new { name = c.Name, type = c.Type })),
                RowsJson = rows,
                StoredRowCount = count,
                TotalRowCount = sample.TotalRowCount,
                Truncated = truncated,
            });
        }
        return (budget, stored);
    }

    /// <summary>
    /// Gives the scan the samples Soda Core's HTTP sampler posted for it before it arrived (<see cref="PendingSample"/>: same data
    /// source, data timestamp, dataset and check name, for a check judged in this scan), within what is left of the scan's budget,
    /// added to <paramref name="samples"/>; the pending rows it reads are queued for deletion on <paramref name="bulk"/>.
    /// </summary>
    private async Task AttachPendingSamplesAsync(string sourceName, ScanResult doc, Dictionary<string, Dataset> datasets, Dictionary<(int, string), Check> checks,
        HashSet<int> judged, Scan scan, long budget, HashSet<int> stored, List<CheckSample> samples, BulkWriter bulk, CancellationToken ct)
    {
        string dataSource = doc.DefaultDataSource ?? "";
        var pending = (await db.PendingSamples.AsNoTracking().Where(p => p.DataSourceName == dataSource && (p.SourceName == null || p.SourceName == sourceName)).OrderBy(p => p.Id).ToListAsync(ct))
            .Where(p => p.DataTimestamp.UtcTicks == scan.DataTimestamp.UtcTicks).ToList();
        bulk.Delete<PendingSample>([.. pending.Select(p => p.Id)]);
        foreach (var p in pending)
        {
            if (!options.StoreSamples || !datasets.TryGetValue(DatasetName(p.DatasetName, doc), out var dataset)) continue;
            var check = checks.Values.Where(c => c.DatasetId == dataset.Id && c.Name == p.CheckName && judged.Contains(c.Id)).OrderBy(c => c.Id).FirstOrDefault();
            if (check is null || !stored.Add(check.Id)) continue;
            samples.Add(PendingToSample(p, scan.Id, check.Id, options.SampleRowsPerCheck, ref budget));
        }
    }

    /// <summary>The <see cref="CheckSample"/> a pending sample becomes in scan <paramref name="scanId"/>, cut to the limits.</summary>
    public static CheckSample PendingToSample(PendingSample p, int scanId, int checkId, int rowsPerCheck, ref long budget)
    {
        using var rows = System.Text.Json.JsonDocument.Parse(p.RowsJson);
        var all = rows.RootElement.EnumerateArray().Select(r => r.GetRawText()).ToList();
        var (kept, count, truncated) = SampleLimits.Keep(all, rowsPerCheck, ref budget);
        return new CheckSample
        {
            ScanId = scanId,
            CheckId = checkId,
            ColumnsJson = p.ColumnsJson,
            RowsJson = kept,
            StoredRowCount = count,
            TotalRowCount = p.TotalRowCount,
            Truncated = truncated || count < p.TotalRowCount,
        };
    }

    private static string DatasetName(ScanCheck c, ScanResult doc) => DatasetName(c.Table, doc);

    private static string DatasetName(string? table, ScanResult doc) => table ?? (doc.DefaultDataSource is { Length: > 0 } ds ? ds : "(data source)");

    private static string LocationText(ResultLocation l) => $"{l.FilePath}:{l.Line}:{l.Col}";

    private static string? OutcomeText(Outcome? outcome) => outcome switch
    {
        Outcome.Pass => "pass",
        Outcome.Warn => "warn",
        Outcome.Fail => "fail",
        _ => null,
    };
}
