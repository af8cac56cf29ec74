// The hub's file registry, as QALITA's CLI uses its S3 registry through the API (spec/qalita.md §2.3, §2.5, §2.6): a worker uploads a
// job's logs.txt (bucket logs) and `qalita pack push` a pack version's tar.gz (bucket packs); a worker running a job reads the pack
// archive back by the version's asset id. Bytes are kept in the database, so backups and several hub processes need nothing more.
using System.Security.Cryptography;
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

/// <summary>The asset routes: upload (v1), describe and list (v2), fetch the bytes (v1).</summary>
public static class AssetEndpoints
{
    /// <summary>
    /// Maps POST /api/v1/assets/upload (admin or dataengineer), GET /api/v2/assets, GET /api/v2/assets/{id} (204 when unknown, as
    /// QALITA answers) and GET /api/v1/assets/{id}/fetch (any role). An upload is keyed by (bucket, name, version): the same bytes
    /// again answer the stored asset (a retried upload makes no second copy); other bytes replace a pack archive and are a 409 for
    /// anything else. Errors answer JSON
    /// <c>detail</c> and <c>field</c>: 400 for a missing part or parameter, 404 for an unknown registry or asset, 409 as above,
    /// 413 for a body over the hub's limit.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("").RequireAuthorization(Policies.Read).WithTags("qalita");
        var write = app.MapGroup("").RequireAuthorization(Policies.Write).WithTags("qalita");

        write.MapPost("/api/v1/assets/upload", UploadAsync).DisableAntiforgery()
            .WithName("uploadAsset").WithSummary("Upload a file to the registry: a job's logs or a pack version's archive")
            .WithDescription("As QALITA's worker (logs.txt, bucket logs, name = the job's name, version 1.0.0) and qalita pack push (the pack's tar.gz, bucket packs) send it. The same bucket, name and version with the same bytes answers the stored asset; with other bytes, a pack archive is replaced (same id) and anything else is a 409 (publish a new version). Answers the asset, whose id is the job's logs_id or the pack version's asset_id.")
            .AcceptsForm("multipart/form-data", "The file in the part named file.",
                new FormField("file", JsonSchemaType.String, "The file's bytes (logs.txt, a pack's tar.gz, ...).", Required: true, Format: "binary"))
            .WithQueryParameter("registry_id", JsonSchemaType.Integer, "The registry: 1, the hub's (GET /api/v2/registries); 1 when left out.")
            .WithQueryParameter("bucket", JsonSchemaType.String, "logs, packs, ...", required: true)
            .WithQueryParameter("name", JsonSchemaType.String, "The file's name in the bucket (the job's name for logs, the pack's for packs).", required: true)
            .WithQueryParameter("version", JsonSchemaType.String, "Its version (1.0.0 when left out).")
            .WithQueryParameter("type", JsonSchemaType.String, "QALITA's asset type: log, pack, ...")
            .WithQueryParameter("description", JsonSchemaType.String, "Free text.")
            .WithQueryParameter("user_id", JsonSchemaType.Integer, "The user the file belongs to (the uploader when left out).")
            .Produces<AssetInfo>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound)
            .Produces<ApiError>(StatusCodes.Status409Conflict).Produces<ApiError>(StatusCodes.Status413PayloadTooLarge);
        read.MapGet("/api/v2/assets", async (HttpRequest request, HubDb db, string? bucket, string? name) =>
            Http.Ok(await Describe(db.Assets.AsNoTracking().Where(a => (bucket == null || a.Bucket == bucket) && (name == null || a.Name == name)).OrderBy(a => a.Id).Take(10_000), request)))
            .WithName("listAssets").WithSummary("The registry's files, of one bucket or name or all (at most 10000, without their bytes)")
            .WithQueryParameter("bucket", JsonSchemaType.String, "Only this bucket (logs, packs, ...).")
            .WithQueryParameter("name", JsonSchemaType.String, "Only files of this name.")
            .Produces<List<AssetInfo>>();
        read.MapGet("/api/v2/assets/{id:int}", async (int id, HttpRequest request, HubDb db) =>
            (await Describe(db.Assets.AsNoTracking().Where(a => a.Id == id), request)).FirstOrDefault() is { } asset ? Http.Ok(asset) : Http.NoContent())
            .WithName("getAsset").WithSummary("A file of the registry, by id, with the url of its bytes (204 when there is none, as QALITA answers)")
            .Produces<AssetInfo>().Produces(StatusCodes.Status204NoContent);
        read.MapGet("/api/v1/assets/{id:int}/fetch", async (int id, HubDb db) =>
            await db.Assets.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Content, a.FileName, a.Bucket }).FirstOrDefaultAsync() is { } asset
                ? Http.File(asset.Content, ContentTypeOf(asset.FileName), asset.FileName)
                : Http.NotFound(new { detail = $"No asset {id}: GET /api/v2/assets lists them." }))
            .WithName("fetchAsset").WithSummary("The bytes of a file of the registry (a pack archive, a job's logs)")
            .WithDescription("Answers the file as uploaded, with its name in Content-Disposition: a tar.gz as application/gzip, a .txt as text/plain, anything else as application/octet-stream.")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream").Produces<ApiError>(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> UploadAsync(HttpContext http, HubDb db, TimeProvider time)
    {
        var request = http.Request;
        if (!request.HasFormContentType) return Http.BadRequest(new { detail = "Send the file as multipart/form-data, part name \"file\".", field = "file" });
        var form = await request.ReadFormAsync();
        string? Param(string name) => request.Query[name].FirstOrDefault() ?? form[name].FirstOrDefault();
        if (Param("registry_id") is { } registry && registry != "1")
            return Http.NotFound(new { detail = $"No registry {registry}: the hub has one, id 1 (GET /api/v2/registries).", field = "registry_id" });
        if (string.IsNullOrWhiteSpace(Param("bucket"))) return Http.BadRequest(new { detail = "bucket is required (logs for a job's logs, packs for a pack archive).", field = "bucket" });
        if (string.IsNullOrWhiteSpace(Param("name"))) return Http.BadRequest(new { detail = "name is required (the job's name for logs, the pack's name for a pack).", field = "name" });
        string? userText = Param("user_id");
        int? userId = int.TryParse(userText, System.Globalization.CultureInfo.InvariantCulture, out int u) ? u : null;
        if (userText is { Length: > 0 } && userId is null) return Http.BadRequest(new { detail = "user_id must be a number (a user's id).", field = "user_id" });
        var file = form.Files.GetFile("file");
        if (file is null) return Http.BadRequest(new { detail = "No file: send it in a multipart part named \"file\".", field = "file" });
        byte[] bytes;
        using (var ms = new MemoryStream())
        {
            await file.CopyToAsync(ms);
            bytes = ms.ToArray();
        }
        string bucket = Param("bucket")!, name = Param("name")!, version = Param("version") is { Length: > 0 } v ? v : "1.0.0";
        foreach (var (field, value) in new[] { ("bucket", bucket), ("name", name), ("version", version) })
            if (InputGuard.KeyProblem(value) is { } problem) return Http.BadRequest(new { detail = $"{field} {problem}.", field });
        string sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string fileName = Path.GetFileName(file.FileName) is { Length: > 0 } fn ? fn : name;
        var existing = await ExistingAsync(db, bucket, name, version, sha, request, bytes, fileName, time);
        if (existing is not null) return existing;
        var asset = new Asset
        {
            RegistryId = 1,
            Bucket = bucket,
            Name = name,
            Version = version,
            Type = Param("type"),
            Description = Param("description"),
            UserId = userId ?? (int.TryParse(http.User.FindFirst("sub")?.Value, System.Globalization.CultureInfo.InvariantCulture, out int me) ? me : null),
            FileName = fileName,
            Size = bytes.LongLength,
            Sha256 = sha,
            Content = bytes,
            CreatedAt = time.GetUtcNow(),
        };
        db.Assets.Add(asset);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (DatabaseRefusal.Classify(e) is { Status: 409 })
        {
            // The same upload raced this one (a retry): the unique (bucket, name, version) index kept one.
            db.ChangeTracker.Clear();
            return await ExistingAsync(db, bucket, name, version, sha, request) ?? throw new InvalidOperationException("The asset could not be stored, and no asset of that bucket, name and version exists.");
        }
        return Http.Ok((await Describe(db.Assets.AsNoTracking().Where(a => a.Id == asset.Id), request)).Single());
    }

    /// <summary>
    /// The stored asset's answer for a repeated upload, or null when there is none: the same bytes answer it as it is (a retry); other
    /// bytes replace a pack archive (bucket packs: `qalita pack push` of the same version again, whose tar.gz differs by its times),
    /// keeping its id so the pack version still points at it; other bytes for anything else (a job's logs) are a 409.
    /// </summary>
    private static async Task<IResult?> ExistingAsync(HubDb db, string bucket, string name, string version, string sha, HttpRequest request,
        byte[]? bytes = null, string? fileName = null, TimeProvider? time = null)
    {
        var found = (await Describe(db.Assets.AsNoTracking().Where(a => a.Bucket == bucket && a.Name == name && a.Version == version), request)).FirstOrDefault();
        if (found is null) return null;
        if (found.Sha256 == sha) return Http.Ok(found);
        if (bucket == "packs" && bytes is not null && time is not null)
        {
            await db.Assets.Where(a => a.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Content, bytes).SetProperty(a => a.Sha256, sha)
                .SetProperty(a => a.Size, bytes.LongLength).SetProperty(a => a.FileName, fileName ?? found.FileName).SetProperty(a => a.CreatedAt, time.GetUtcNow()));
            return Http.Ok((await Describe(db.Assets.AsNoTracking().Where(a => a.Id == found.Id), request)).Single());
        }
        return Http.Conflict(new { detail = $"{bucket}/{name} version {version} exists already (asset {found.Id}) with other content: publish it as a new version.", field = "version" });
    }

    private static async Task<List<AssetInfo>> Describe(IQueryable<Asset> assets, HttpRequest request)
    {
        string root = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var rows = await assets.Select(a => new { a.Id, a.RegistryId, a.Bucket, a.Name, a.Version, a.Type, a.Description, a.UserId, a.FileName, a.Size, a.Sha256, a.CreatedAt }).ToListAsync();
        return [.. rows.Select(a => new AssetInfo(a.Id, a.RegistryId, a.Bucket, a.Name, a.Version, a.Type, a.Description, a.UserId, a.FileName, a.Size, a.Sha256,
            $"{root}/api/v1/assets/{a.Id}/fetch", a.CreatedAt))];
    }

    private static string ContentTypeOf(string fileName) =>
        fileName.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? "application/gzip"
        : fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".log", StringComparison.OrdinalIgnoreCase) ? "text/plain; charset=utf-8"
        : fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json"
        : "application/octet-stream";
}
