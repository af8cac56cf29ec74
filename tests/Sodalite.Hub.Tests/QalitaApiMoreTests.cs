// More QALITA-compatible calls (pack publishing and versions, source updates, schemas uploads), and bodies that do not bind.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sodalite.TestSupport;

namespace Sodalite.Hub.Tests;

public abstract class QalitaApiMoreTests<THub>(THub hub) : IClassFixture<THub> where THub : HubFixture
{
    [Fact]
    public async Task Packs_publish_and_version_sources_update_and_schemas_upload()
    {
        using var c = hub.Client(hub.AdminToken);
        string name = $"profiling {Guid.NewGuid():N}";
        var published = await c.PostAsJsonAsync("/api/v1/packs/publish", new
        {
            name,
            type = "completeness",
            avatar = "",
            visibility = "private",
            config = "{}",
            description = "d",
            url = "u",
            readme = "",
            compatible_sources = new[] { "postgresql" },
        });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        int packId = (int)(await published.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        using var archive = new MultipartFormDataContent { { new ByteArrayContent([0x1f, 0x8b, 0x08, 0x00]), "file", "profiling_pack.tar.gz" } };
        var asset = await c.PostAsync($"/api/v1/assets/upload?registry_id=1&name={Uri.EscapeDataString(name)}&version=2.1.0&bucket=packs&type=pack", archive);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        int assetId = (int)(await asset.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await c.PutAsync($"/api/v1/packs/{packId}/version?sem_ver_id=2.1.0&asset_id={assetId}", null)).StatusCode);
        var pack = (await c.GetFromJsonAsync<JsonObject>($"/api/v2/packs/{packId}"))!;
        Assert.Equal("completeness", (string)pack["type"]!);
        Assert.Equal("2.1.0", (string)pack["versions"]![0]!["sem_ver_id"]!);
        Assert.Equal(assetId, (int)pack["versions"]![0]!["asset_id"]!);
        Assert.Equal("application/gzip", (await c.GetAsync($"/api/v1/assets/{assetId}/fetch")).Content.Headers.ContentType!.MediaType);
        Assert.Equal("postgresql", (string)pack["compatible_sources"]![0]!);
        Assert.Equal(HttpStatusCode.NoContent, (await c.GetAsync("/api/v2/packs/999999")).StatusCode);

        var sourceBody = await (await c.PostAsJsonAsync("/api/v1/sources/publish", new { name = $"src-{Guid.NewGuid():N}", type = "postgresql" })).Content.ReadFromJsonAsync<JsonObject>();
        int sourceId = (int)sourceBody!["id"]!;
        var updated = await c.PutAsJsonAsync($"/api/v2/sources/{sourceId}", new { description = "the warehouse", visibility = "public", sensitive = true, reference = true });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var source = (await c.GetFromJsonAsync<JsonObject>($"/api/v2/sources/{sourceId}"))!;
        Assert.Equal(("the warehouse", "public", true), ((string)source["description"]!, (string)source["visibility"]!, (bool)source["sensitive"]!));

        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent("[{\"key\": \"dataset\", \"value\": \"orders\", \"scope\": {\"perimeter\": \"dataset\", \"value\": \"orders\"}}]"u8.ToArray());
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"schemas.json\"" };
        content.Add(file);
        Assert.Equal(HttpStatusCode.OK, (await c.PostAsync($"/api/v1/schemas/upload?source_id={sourceId}&pack_id={packId}", content)).StatusCode);
        var rows = (await c.GetFromJsonAsync<JsonArray>($"/api/v2/schemas?source_id={sourceId}"))!;
        Assert.Equal("orders", (string)rows.Single()!["value"]!);
    }

    [Fact]
    public async Task Bodies_that_do_not_bind_get_a_400_naming_the_field()
    {
        using var c = hub.Client(hub.AdminToken);
        var r = await c.PostAsync("/api/v2/jobs/create", new StringContent("{\"source_id\": \"seven\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("$.source_id", (string)(await r.Content.ReadFromJsonAsync<JsonObject>())!["field"]!);
        var bad = await c.PatchAsync("/api/v2/issues/1", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
    }
}

public sealed class SqliteQalitaApiMoreTests(SqliteHub hub) : QalitaApiMoreTests<SqliteHub>(hub);

public sealed class PostgresQalitaApiMoreTests(PostgresHub hub) : QalitaApiMoreTests<PostgresHub>(hub);
