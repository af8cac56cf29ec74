// The calls QALITA's CLI and packs make (spec/qalita.md §2.3-§2.6, §3.3): sources and packs with versions, jobs, and the
// multipart uploads of metrics.json / recommendations.json / schemas.json. Uploaded scores feed the hub's scores and
// uploaded recommendations of level high open issues, as scans do.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Sodalite.Hub.Data;
using Sodalite.Hub.Ingestion;
using Sodalite.Hub.OpenApi;
using Http = Microsoft.AspNetCore.Http.Results;

namespace Sodalite.Hub.Endpoints;

/// <summary>QALITA's REST routes for sources, packs, jobs and artifact uploads (v1 writes, v2 reads), as QALITA's CLI and workers call them.</summary>
public static class QalitaEndpoints
{
    /// <summary>
    /// Maps the routes: reads need any role, writes admin or dataengineer. A GET of an unknown source or pack is a 204, as QALITA
    /// answers (spec/qalita.md §2.2). Errors answer JSON <c>detail</c> (and <c>field</c> when one is at fault): 400 for a bad
    /// body, form or id, 404 for an unknown source, pack, job or version, 409 for an upload sent before with the same ids.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("").RequireAuthorization(Policies.Read).WithTags("qalita");
        var write = app.MapGroup("").RequireAuthorization(Policies.Write).WithTags("qalita");

        read.MapGet("/api/v2/sources", async (HubDb db) =>
            Http.Ok((await db.Sources.AsNoTracking().Include(s => s.Versions).OrderBy(s => s.Id).ToListAsync()).Select(Describe)))
            .WithName("listSources").WithSummary("The sources, with their versions").Produces<List<SourceInfo>>();
        read.MapGet("/api/v2/sources/{id:int}", async (int id, HubDb db) =>
            await db.Sources.AsNoTracking().Include(s => s.Versions).FirstOrDefaultAsync(s => s.Id == id) is { } s ? Http.Ok(Describe(s)) : Http.NoContent())
            .WithName("getSource").WithSummary("A source with its versions (204 when there is none, as QALITA answers)")
            .Produces<SourceInfo>().Produces(StatusCodes.Status204NoContent);
        write.MapPost("/api/v1/sources/publish", async (SourcePublish body, HubDb db, TimeProvider time) =>
        {
            if (string.IsNullOrWhiteSpace(body.Name)) return Http.BadRequest(new { detail = "name is required.", field = "name" });
            if (InputGuard.KeyProblem(body.Name) is { } nameProblem) return Http.BadRequest(new { detail = $"name {nameProblem}.", field = "name" });
            var source = await db.Sources.Include(s => s.Versions).FirstOrDefaultAsync(s => s.Name == body.Name);
            if (source is null)
            {
                source = new Source { Name = body.Name, CreatedAt = time.GetUtcNow() };
                db.Sources.Add(source);
            }
            source.Type = body.Type ?? source.Type;
            source.Description = body.Description ?? source.Description;
            source.Reference = body.Reference ?? source.Reference;
            source.Sensitive = body.Sensitive ?? source.Sensitive;
            source.Visibility = body.Visibility ?? source.Visibility;
            string version = body.Version ?? "1.0.0";
            if (source.Versions.All(v => v.SemVer != version)) source.Versions.Add(new SourceVersion { SemVer = version });
            await db.SaveChangesAsync();
            return Http.Ok(new CreatedId(source.Id));
        }).WithName("publishSource").WithSummary("Create or update a source by name (qalita source push)")
            .WithDescription("A null field keeps the stored value; the version is added when the source lacks it (1.0.0 by default). Answers the source's id.")
            .Produces<CreatedId>().Produces<ApiError>(StatusCodes.Status400BadRequest);
        write.MapPut("/api/v2/sources/{id:int}", async (int id, SourceUpdate body, HubDb db) =>
        {
            var source = await db.Sources.Include(s => s.Versions).FirstOrDefaultAsync(s => s.Id == id);
            if (source is null) return Http.NotFound(new { detail = $"No source {id}." });
            source.Description = body.Description ?? source.Description;
            source.Visibility = body.Visibility ?? source.Visibility;
            source.Sensitive = body.Sensitive ?? source.Sensitive;
            source.Reference = body.Reference ?? source.Reference;
            await db.SaveChangesAsync();
            return Http.Ok(Describe(source));
        }).WithName("updateSource").WithSummary("Change a source's description, visibility and flags")
            .WithDescription("A null field keeps the stored value.")
            .Produces<SourceInfo>().Produces<ApiError>(StatusCodes.Status404NotFound);

        read.MapGet("/api/v2/packs", async (HubDb db) =>
            Http.Ok((await db.Packs.AsNoTracking().Include(p => p.Versions).OrderBy(p => p.Id).ToListAsync()).Select(Describe)))
            .WithName("listPacks").WithSummary("The packs, with their versions (the hub ships one named soda)").Produces<List<PackInfo>>();
        read.MapGet("/api/v2/packs/{id:int}", async (int id, HubDb db) =>
            await db.Packs.AsNoTracking().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == id) is { } p ? Http.Ok(Describe(p)) : Http.NoContent())
            .WithName("getPack").WithSummary("A pack with its versions (204 when there is none, as QALITA answers)")
            .Produces<PackInfo>().Produces(StatusCodes.Status204NoContent);
        write.MapPost("/api/v1/packs/publish", async (PackPublish body, HubDb db, TimeProvider time) =>
        {
            if (string.IsNullOrWhiteSpace(body.Name)) return Http.BadRequest(new { detail = "name is required.", field = "name" });
            if (InputGuard.KeyProblem(body.Name) is { } nameProblem) return Http.BadRequest(new { detail = $"name {nameProblem}.", field = "name" });
            var pack = await db.Packs.Include(p => p.Versions).FirstOrDefaultAsync(p => p.Name == body.Name);
            if (pack is null)
            {
                pack = new Pack { Name = body.Name, CreatedAt = time.GetUtcNow() };
                db.Packs.Add(pack);
            }
            Apply(pack, body);
            await db.SaveChangesAsync();
            return Http.Ok(new CreatedId(pack.Id));
        }).WithName("publishPack").WithSummary("Create or update a pack by name (qalita pack push)")
            .WithDescription("A null field keeps the stored value. Answers the pack's id.")
            .Produces<CreatedId>().Produces<ApiError>(StatusCodes.Status400BadRequest);
        write.MapPut("/api/v2/packs/{id:int}", async (int id, PackPublish body, HubDb db) =>
        {
            var pack = await db.Packs.Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == id);
            if (pack is null) return Http.NotFound(new { detail = $"No pack {id}." });
            Apply(pack, body);
            if (body.Version is { Length: > 0 } v && pack.Versions.All(x => x.SemVer != v)) pack.Versions.Add(new PackVersion { SemVer = v });
            await db.SaveChangesAsync();
            return Http.Ok(Describe(pack));
        }).WithName("updatePack").WithSummary("Change a pack, and add a version it lacks")
            .WithDescription("A null field keeps the stored value; the name is not changed.")
            .Produces<PackInfo>().Produces<ApiError>(StatusCodes.Status404NotFound);
        write.MapPut("/api/v1/packs/{id:int}/version", async (int id, string? sem_ver_id, int? asset_id, HubDb db) =>
        {
            var pack = await db.Packs.Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == id);
            if (pack is null) return Http.NotFound(new { detail = $"No pack {id}." });
            if (string.IsNullOrWhiteSpace(sem_ver_id)) return Http.BadRequest(new { detail = "sem_ver_id is required, e.g. 1.0.0.", field = "sem_ver_id" });
            if (asset_id is int a && !await db.Assets.AnyAsync(x => x.Id == a))
                return Http.NotFound(new { detail = $"No asset {a}: upload the pack's archive first (POST /api/v1/assets/upload, bucket packs).", field = "asset_id" });
            var version = pack.Versions.FirstOrDefault(v => v.SemVer == sem_ver_id) ?? new PackVersion { SemVer = sem_ver_id };
            version.AssetId = asset_id ?? version.AssetId;
            if (version.Id == 0) pack.Versions.Add(version);
            await db.SaveChangesAsync();
            return Http.Ok(new CreatedId(version.Id));
        }).WithName("setPackVersion").WithSummary("Add a pack version, or set its asset id")
            .WithDescription("asset_id names the uploaded archive (POST /api/v1/assets/upload), which workers fetch to run the pack. Answers the version's id.")
            .Produces<CreatedId>().Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);

        read.MapGet("/api/v2/jobs", async (HubDb db, string? status) =>
            Http.Ok(await db.Jobs.AsNoTracking().Where(j => status == null || j.Status == status).OrderBy(j => j.Id).Take(10_000).ToListAsync()))
            .WithName("listJobs").WithSummary("The jobs, of one status or all, oldest first (at most 10000)").Produces<List<Job>>();
        write.MapPost("/api/v2/jobs/create", async (JobBody body, HubDb db, TimeProvider time) =>
        {
            if (body.Status is not (null or "running" or "succeeded" or "failed" or "pending"))
                return Http.BadRequest(new { detail = "status must be pending, running, succeeded or failed.", field = "status" });
            var job = new Job { CreatedAt = time.GetUtcNow() };
            Apply(job, body, time);
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            return Http.Created($"/api/v2/jobs/{job.Id}", new CreatedId(job.Id));
        }).WithName("createJob").WithSummary("Create a job (a pack run), as a QALITA worker does")
            .WithDescription("Ids are stored as sent, not checked. A job created pending waits for a worker's claim (GET /api/v1/workers/{id}/jobs/next); without a status it is running. Answers the job's id.")
            .Produces<CreatedId>(StatusCodes.Status201Created).Produces<ApiError>(StatusCodes.Status400BadRequest);
        write.MapPut("/api/v2/jobs/{id:int}", async (int id, JobBody body, HubDb db, TimeProvider time) =>
        {
            var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == id);
            if (job is null) return Http.NotFound(new { detail = $"No job {id}." });
            if (body.Status is not (null or "running" or "succeeded" or "failed" or "pending"))
                return Http.BadRequest(new { detail = "status must be running, succeeded, failed or pending.", field = "status" });
            Apply(job, body, time);
            await db.SaveChangesAsync();
            return Http.Ok(job);
        }).WithName("updateJob").WithSummary("Change a job (its status, end date, ...)")
            .WithDescription("A null field keeps the stored value; status must be running, succeeded, failed or pending.")
            .Produces<Job>().Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);

        foreach (var kind in new[] { "metrics", "recommendations", "schemas" })
        {
            string title = char.ToUpperInvariant(kind[0]) + kind[1..];
            write.MapPost($"/api/v1/{kind}/upload", (HttpRequest request, HubDb db, TimeProvider time) => UploadAsync(kind, request, db, time)).DisableAntiforgery()
                .WithName($"upload{title}").WithSummary($"Upload a QALITA pack's {kind}.json")
                .WithDescription(UploadDescription(kind))
                .AcceptsForm("multipart/form-data", $"{kind}.json in the part named file; the ids may be form fields instead of query parameters.",
                    [new FormField("file", JsonSchemaType.String, $"{kind}.json: a JSON list of entries, each with {(kind == "recommendations" ? "content" : "key")} and a scope object.", Required: true, Format: "binary"),
                     .. UploadIds.Select(i => new FormField(i.Name, JsonSchemaType.Integer, i.Description))])
                .WithQueryParameter("source_id", JsonSchemaType.Integer, "The QALITA source id (required, here or as a form field).")
                .WithQueryParameter("source_version_id", JsonSchemaType.Integer, "The source version id.")
                .WithQueryParameter("pack_id", JsonSchemaType.Integer, "The pack id.")
                .WithQueryParameter("pack_version_id", JsonSchemaType.Integer, "The pack version id.")
                .Produces<ArtifactUploaded>()
                .Produces<ApiError>(StatusCodes.Status400BadRequest)
                .Produces<ApiError>(StatusCodes.Status404NotFound)
                .Produces<ApiError>(StatusCodes.Status409Conflict);
            read.MapGet($"/api/v2/{kind}", async (HubDb db, int? source_id, int? pack_id) =>
                Http.Ok((await db.ArtifactRows.AsNoTracking().Include(r => r.Upload)
                        .Where(r => r.Kind == kind && (source_id == null || r.Upload!.SourceId == source_id) && (pack_id == null || r.Upload!.PackId == pack_id))
                        .OrderBy(r => r.Id).Take(10_000).ToListAsync())
                    .Select(r => new ArtifactRowInfo(r.Id, r.Key, r.Value, r.Content, r.Type, r.Level, JsonNode.Parse(r.ScopeJson), r.Upload!.SourceId,
                        r.Upload.SourceVersionId, r.Upload.PackId, r.Upload.PackVersionId, r.CreatedAt))))
                .WithName($"list{title}").WithSummary($"The uploaded {kind} entries, oldest first (at most 10000)")
                .Produces<List<ArtifactRowInfo>>();
        }
    }

    /// <summary>
    /// Adds QALITA's "soda" pack (type validity, version 1.0.0) unless a pack of that name exists, so Soda uploads need no pack
    /// publishing (spec/qalita.md §2.6).
    /// </summary>
    public static async Task SeedAsync(HubDb db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Packs.AnyAsync(p => p.Name == "soda", ct)) return;
        db.Packs.Add(new Pack
        {
            Name = "soda",
            Type = "validity",
            Description = "Soda Core checks (SodaCL), as QALITA's soda pack reports them.",
            Visibility = "public",
            CompatibleSourcesJson = "[\"postgresql\", \"duckdb\", \"file\", \"csv\"]",
            CreatedAt = time.GetUtcNow(),
            Versions = [new PackVersion { SemVer = "1.0.0" }],
        });
        await db.SaveChangesAsync(ct);
    }

    private static async Task<IResult> UploadAsync(string kind, HttpRequest request, HubDb db, TimeProvider time)
    {
        if (!request.HasFormContentType) return Http.BadRequest(new { detail = $"Send {kind}.json as multipart/form-data, part name \"file\".", field = "file" });
        var form = await request.ReadFormAsync();
        string? Id(string name) => request.Query[name].FirstOrDefault() ?? form[name].FirstOrDefault();
        if (!int.TryParse(Id("source_id"), out int sourceId)) return Http.BadRequest(new { detail = "source_id is required (the QALITA source id, a number).", field = "source_id" });
        int? Optional(string name) => int.TryParse(Id(name), out int v) ? v : null;
        int? sourceVersionId = Optional("source_version_id"), packId = Optional("pack_id"), packVersionId = Optional("pack_version_id");
        var source = await db.Sources.Include(s => s.Versions).FirstOrDefaultAsync(s => s.Id == sourceId);
        if (source is null) return Http.NotFound(new { detail = $"No source {sourceId}: list them with GET /api/v2/sources, or publish one with POST /api/v1/sources/publish.", field = "source_id" });
        if (sourceVersionId is int sv && source.Versions.All(v => v.Id != sv))
            return Http.NotFound(new { detail = $"Source {sourceId} has no version {sv}: GET /api/v2/sources/{sourceId} lists its versions.", field = "source_version_id" });
        Pack? pack = null;
        if (packId is int pid && (pack = await db.Packs.Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == pid)) is null)
            return Http.NotFound(new { detail = $"No pack {pid}: GET /api/v2/packs lists them (the hub ships one named soda).", field = "pack_id" });
        if (packVersionId is int pv && pack is not null && pack.Versions.All(v => v.Id != pv))
            return Http.NotFound(new { detail = $"Pack {pack.Id} has no version {pv}.", field = "pack_version_id" });
        var file = form.Files.GetFile("file");
        if (file is null) return Http.BadRequest(new { detail = "The multipart body needs a part named \"file\".", field = "file" });
        byte[] bytes;
        using (var ms = new MemoryStream())
        {
            await file.CopyToAsync(ms);
            bytes = ms.ToArray();
        }
        JsonArray entries;
        try
        {
            using (var whole = JsonDocument.Parse(bytes))
                if (InputGuard.Find(whole.RootElement, "file") is { } found) return Http.BadRequest(new { detail = $"{found.Path} {found.Problem}.", field = found.Path });
            entries = JsonNode.Parse(bytes) as JsonArray ?? throw new JsonException("the top level must be a list of entries");
        }
        catch (JsonException e)
        {
            return Http.BadRequest(new { detail = $"{file.FileName} is not a JSON list of entries: {e.Message}", field = "file" });
        }
        for (int i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not JsonObject o) return Http.BadRequest(new { detail = $"Entry {i} must be an object.", field = $"file[{i}]" });
            string required = kind == "recommendations" ? "content" : "key";
            if (o[required] is null) return Http.BadRequest(new { detail = $"Entry {i} has no \"{required}\".", field = $"file[{i}].{required}" });
            if (o["scope"] is not JsonObject) return Http.BadRequest(new { detail = $"Entry {i} has no \"scope\" object.", field = $"file[{i}].scope" });
            if (EntryProblem(o, $"file[{i}]") is { } problem) return Http.BadRequest(new { detail = problem.Detail, field = problem.Field });
        }
        string hash = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes($"{kind}|{sourceId}|{sourceVersionId}|{packId}|{packVersionId}|"), .. bytes]));
        if (await db.Uploads.AnyAsync(u => u.ContentHash == hash)) return Http.Conflict(new { detail = $"{kind} already exists: this file was uploaded before with the same ids." });

        try
        {
            return await StoreUploadAsync(kind, entries, source, pack, sourceVersionId, packVersionId, hash, db, time);
        }
        catch (DbUpdateException e) when (DatabaseRefusal.Classify(e) is { Status: 409 })
        {
            // The same file with the same ids, sent at the same moment: one request stored it.
            return Http.Conflict(new { detail = $"{kind} already exists: this file was uploaded with the same ids by another request at the same moment." });
        }
    }

    /// <summary>
    /// What is wrong with an entry of an artifact file, as (field, detail), or null: text fields (key, content, type, level, the scope's
    /// perimeter and value, the parent scope's value) must be strings or absent, a value may not be an object or a list, and the
    /// dataset names of scopes must be ones the hub can index. (Numbers and text were checked on the whole file before.)
    /// </summary>
    private static (string Field, string Detail)? EntryProblem(JsonObject entry, string at)
    {
        foreach (string name in new[] { "key", "content", "type", "level" })
            if (entry[name] is { } v && v.GetValueKind() != JsonValueKind.String)
                return ($"{at}.{name}", $"{name} must be text, not {v.GetValueKind().ToString().ToLowerInvariant()} ({at}.{name}).");
        if (entry["value"] is JsonObject or JsonArray) return ($"{at}.value", $"value must be text, a number or a boolean, not {entry["value"]!.GetValueKind().ToString().ToLowerInvariant()} ({at}.value).");
        var scope = (JsonObject)entry["scope"]!;
        if (scope["parent_scope"] is { } and not JsonObject) return ($"{at}.scope.parent_scope", $"{at}.scope.parent_scope must be an object.");
        foreach (var (node, path) in new[] { (scope["perimeter"], $"{at}.scope.perimeter"), (scope["value"], $"{at}.scope.value"), (scope["parent_scope"]?["value"], $"{at}.scope.parent_scope.value") })
        {
            if (node is null) continue;
            if (node.GetValueKind() != JsonValueKind.String) return (path, $"{path} must be text, not {node.GetValueKind().ToString().ToLowerInvariant()}.");
            if (InputGuard.KeyProblem((string)node!) is { } problem) return (path, $"{path} {problem}.");
        }
        return null;
    }

    private static async Task<IResult> StoreUploadAsync(string kind, JsonArray entries, Source source, Pack? pack, int? sourceVersionId, int? packVersionId, string hash, HubDb db, TimeProvider time)
    {
        int sourceId = source.Id;
        int? packId = pack?.Id;
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync();
        var upload = new Upload { Kind = kind, SourceId = sourceId, SourceVersionId = sourceVersionId, PackId = packId, PackVersionId = packVersionId, ContentHash = hash, ReceivedAt = now };
        db.Uploads.Add(upload);
        foreach (JsonObject o in entries.Cast<JsonObject>())
        {
            db.ArtifactRows.Add(new ArtifactRow
            {
                Upload = upload,
                Kind = kind,
                Key = (string?)o["key"] ?? (string?)o["type"] ?? "",
                Value = o["value"] is { } v ? (v is JsonValue jv && jv.TryGetValue<string>(out var text) ? text : v.ToJsonString()) : null,
                Content = (string?)o["content"],
                Type = (string?)o["type"],
                Level = (string?)o["level"],
                ScopeJson = o["scope"]!.ToJsonString(),
                CreatedAt = now,
            });
        }
        await db.SaveChangesAsync();
        int opened = 0, scores = 0;
        if (kind == "metrics") scores = await ScoresFromMetricsAsync(entries, source, pack, upload, db, now);
        if (kind == "recommendations") opened = await IssuesFromRecommendationsAsync(entries, source, pack, upload, db, now);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Http.Ok(new ArtifactUploaded(upload.Id, entries.Count, scores, opened));
    }

    private static async Task<Dataset> DatasetAsync(HubDb db, Source source, string name)
    {
        var ds = await db.Datasets.FirstOrDefaultAsync(d => d.SourceId == source.Id && d.Name == name) ?? db.Datasets.Local.FirstOrDefault(d => d.SourceId == source.Id && d.Name == name);
        if (ds is null)
        {
            ds = new Dataset { SourceId = source.Id, Name = name };
            db.Datasets.Add(ds);
            await db.SaveChangesAsync();
        }
        return ds;
    }

    /// <summary>A dataset-scope "score" metric (the pack's share of passed checks) becomes the dataset's score, overall and for the pack's dimension.</summary>
    private static async Task<int> ScoresFromMetricsAsync(JsonArray entries, Source source, Pack? pack, Upload upload, HubDb db, DateTimeOffset now)
    {
        int added = 0;
        foreach (var o in entries.Cast<JsonObject>().Where(o => (string?)o["key"] == "score" && (string?)o["scope"]!["perimeter"] == "dataset"))
        {
            if (o["value"] is not JsonValue v || !v.TryGetValue<double>(out double value)) continue;
            var dataset = await DatasetAsync(db, source, (string?)o["scope"]!["value"] ?? source.Name);
            int? passed = entries.Cast<JsonObject>().Where(e => (string?)e["key"] == "check_passed").Select(e => (int?)e["value"]).FirstOrDefault();
            int? failed = entries.Cast<JsonObject>().Where(e => (string?)e["key"] == "check_failed").Select(e => (int?)e["value"]).FirstOrDefault();
            foreach (string? dimension in new[] { null, pack?.Type ?? "validity" })
                db.Scores.Add(new Score
                {
                    UploadId = upload.Id,
                    SourceId = source.Id,
                    DatasetId = dataset.Id,
                    Dimension = dimension,
                    Value = value,
                    Passed = passed ?? 0,
                    Total = (passed ?? 0) + (failed ?? 0),
                    DataTimestamp = now,
                });
            added++;
        }
        return added;
    }

    /// <summary>A recommendation of level high opens an issue (or updates the open one) on its dataset.</summary>
    private static async Task<int> IssuesFromRecommendationsAsync(JsonArray entries, Source source, Pack? pack, Upload upload, HubDb db, DateTimeOffset now)
    {
        int opened = 0;
        foreach (var o in entries.Cast<JsonObject>().Where(o => (string?)o["level"] == "high"))
        {
            var scope = (JsonObject)o["scope"]!;
            string datasetName = (string?)scope["perimeter"] == "dataset" ? (string?)scope["value"] ?? source.Name : (string?)scope["parent_scope"]?["value"] ?? source.Name;
            var dataset = await DatasetAsync(db, source, datasetName);
            string content = (string?)o["content"] ?? "";
            string type = (string?)o["type"] ?? "recommendation";
            string identity = "qalita-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{type}\n{content}\n{scope.ToJsonString()}")))[..8];
            var check = await db.Checks.FirstOrDefaultAsync(c => c.DatasetId == dataset.Id && c.Identity == identity);
            if (check is null)
            {
                check = new Check
                {
                    DatasetId = dataset.Id,
                    Identity = identity,
                    Name = type,
                    Definition = content,
                    Column = (string?)scope["perimeter"] == "column" ? (string?)scope["value"] : null,
                    Metric = null,
                    Dimension = pack?.Type ?? "validity",
                };
                db.Checks.Add(check);
                await db.SaveChangesAsync();
            }
            var known = db.Issues.Local.FirstOrDefault(i => i.DatasetId == dataset.Id && i.CheckId == check.Id)
                        ?? await db.Issues.FirstOrDefaultAsync(i => i.DatasetId == dataset.Id && i.CheckId == check.Id);
            var (_, change) = IssueLifecycle.Observe(db, known, source.Name, dataset, check, "fail", now, now, null, $"recommendation uploaded ({upload.Kind} upload {upload.Id})");
            if (change == Ingestion.IssueChange.Opened) opened++;
        }
        return opened;
    }

    private static readonly (string Name, string Description)[] UploadIds =
    [
        ("source_id", "The QALITA source id (required, here or as a query parameter)."),
        ("source_version_id", "The source version id."),
        ("pack_id", "The pack id."),
        ("pack_version_id", "The pack version id."),
    ];

    private static string UploadDescription(string kind) => kind switch
    {
        "metrics" => "Stores the entries; a dataset score entry becomes the dataset's score (overall and for the pack's dimension). The same file with the same ids again is a 409; an unknown id a 404 naming it.",
        "recommendations" => "Stores the entries; a recommendation of level high opens an issue on its dataset (or updates the open one). The same file with the same ids again is a 409; an unknown id a 404 naming it.",
        _ => "Stores the entries. The same file with the same ids again is a 409; an unknown id a 404 naming it.",
    };

    private static SourceInfo Describe(Source s) =>
        new(s.Id, s.Name, s.Type, s.Description, s.Reference, s.Sensitive, s.Visibility, [.. s.Versions.OrderBy(v => v.Id).Select(v => new SourceVersionInfo(v.Id, v.SemVer))]);

    private static PackInfo Describe(Pack p) =>
        new(p.Id, p.Name, p.Type, p.Description, p.Visibility, p.Avatar, p.Config, p.Url, p.Readme, JsonSerializer.Deserialize<string?[]>(p.CompatibleSourcesJson),
            [.. p.Versions.OrderBy(v => v.Id).Select(v => new PackVersionInfo(v.Id, v.SemVer, v.AssetId))]);

    private static void Apply(Pack pack, PackPublish body)
    {
        pack.Type = body.Type ?? pack.Type;
        pack.Description = body.Description ?? pack.Description;
        pack.Visibility = body.Visibility ?? pack.Visibility;
        pack.Config = body.Config ?? pack.Config;
        pack.Url = body.Url ?? pack.Url;
        pack.Readme = body.Readme ?? pack.Readme;
        pack.Avatar = body.Avatar ?? pack.Avatar;
        if (body.CompatibleSources is not null) pack.CompatibleSourcesJson = JsonSerializer.Serialize(body.CompatibleSources);
    }

    private static void Apply(Job job, JobBody body, TimeProvider time)
    {
        job.Name = body.Name ?? job.Name;
        job.AgentId = body.AgentId ?? job.AgentId;
        job.SourceId = body.SourceId ?? job.SourceId;
        job.SourceVersionId = body.SourceVersionId ?? job.SourceVersionId;
        job.PackId = body.PackId ?? job.PackId;
        job.PackVersionId = body.PackVersionId ?? job.PackVersionId;
        job.StartDate = body.StartDate ?? job.StartDate;
        job.EndDate = body.EndDate ?? job.EndDate;
        job.Status = body.Status ?? job.Status;
        job.LogsId = body.LogsId ?? job.LogsId;
        job.Type = body.Type ?? job.Type;
        job.TargetId = body.TargetId ?? job.TargetId;
        job.TargetVersionId = body.TargetVersionId ?? job.TargetVersionId;
        job.RoutineId = body.RoutineId ?? job.RoutineId;
        job.PackConfigOverride = body.PackConfigOverride ?? job.PackConfigOverride;
        job.UpdatedAt = time.GetUtcNow();
    }
}
