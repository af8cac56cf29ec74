// The pieces of a push that must be exact: the multipart part, the idempotency key, the worker file, the outbox.
using System.Text;
using System.Text.Json.Nodes;
using Sodalite.Qalita;

namespace Sodalite.Qalita.Tests;

public class QalitaClientPartsTests
{
    [Fact]
    public async Task The_file_part_is_what_python_requests_sends()
    {
        using var content = QalitaClient.FilePart("metrics.json", "[]"u8.ToArray());
        string boundary = content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        Assert.Matches("^[0-9a-f]{32}$", boundary);
        string body = await content.ReadAsStringAsync();
        Assert.Contains("Content-Disposition: form-data; name=\"file\"; filename=\"metrics.json\"\r\n\r\n[]", body);
        Assert.DoesNotContain("filename*", body);
        Assert.DoesNotContain("Content-Type", body);
    }

    [Fact]
    public void The_idempotency_key_depends_on_the_source_and_every_byte_of_the_document_but_its_samples()
    {
        byte[] doc = "{\"checks\": []}"u8.ToArray();
        Assert.Equal(HubClient.KeyFor("warehouse", doc), HubClient.KeyFor("warehouse", [.. doc]));
        Assert.NotEqual(HubClient.KeyFor("warehouse", doc), HubClient.KeyFor("lake", doc));
        Assert.NotEqual(HubClient.KeyFor("warehouse", doc), HubClient.KeyFor("warehouse", "{\"checks\":[]}"u8.ToArray()));
        Assert.Equal("/api/v2/scans?source=my%20warehouse", HubClient.PathFor("my warehouse"));
    }

    [Fact]
    public void The_idempotency_key_leaves_the_failed_row_samples_out_so_a_push_with_them_and_the_srf_file_are_one_scan()
    {
        byte[] srf = "{\"checks\": [], \"sourceOwner\": \"soda-core\"}"u8.ToArray();
        var sample = new Results.Model.FailedRowSample("c", [new Results.Model.SampleColumn("id", "integer")], [[new Results.Model.IntegerValue(1)]]);

        byte[] body = Results.Soda.SodaPushBody.Splice(srf, [sample]);

        Assert.NotEqual(srf, body);
        Assert.Equal(HubClient.KeyFor("warehouse", srf), HubClient.KeyFor("warehouse", body));
    }

    [Fact]
    public void The_worker_file_gives_token_and_url_and_an_older_agent_file_works_too()
    {
        string home = Directory.CreateTempSubdirectory("qalita-home-").FullName;
        var env = new Dictionary<string, string?> { ["QALITA_HOME"] = home };
        Assert.Equal((null, null, null), WorkerFile.Read(k => env.GetValueOrDefault(k)));
        var data = new JsonObject { ["context"] = new JsonObject { ["local"] = new JsonObject { ["token"] = "t0k", ["url"] = "https://qalita.example" } } };
        File.WriteAllText(Path.Combine(home, ".agent"), Convert.ToBase64String(Encoding.UTF8.GetBytes(data.ToJsonString())));
        var (token, url, path) = WorkerFile.Read(k => env.GetValueOrDefault(k));
        Assert.Equal(("t0k", "https://qalita.example", Path.Combine(home, ".agent")), (token, url, path));
        File.WriteAllText(Path.Combine(home, ".worker"), "not base64 !");
        var e = Assert.Throws<PushException>(() => WorkerFile.Read(k => env.GetValueOrDefault(k)));
        Assert.Contains(".worker is not a QALITA worker file", e.Message);
        Assert.Equal(PushFailure.Rejected, e.Failure);
    }

    [Fact]
    public void The_outbox_keeps_entries_whole_and_in_order_without_tokens()
    {
        var outbox = new Outbox(Path.Combine(Directory.CreateTempSubdirectory("outbox-").FullName, "nested"));
        Assert.Empty(outbox.Pending());
        var t = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        string second = outbox.Add(new OutboxEntry("qalita", "https://q", "/api/v1/metrics/upload?source_id=1", null, "metrics.json", [1, 2, 3], t.AddSeconds(1)));
        string first = outbox.Add(new OutboxEntry("hub", "http://h", "/api/v2/scans?source=s", "key", null, "{}"u8.ToArray(), t));
        var pending = outbox.Pending();
        Assert.Equal([first, second], pending.Select(p => p.Path));
        Assert.Equal([1, 2, 3], pending[1].Entry.Content);
        Assert.Equal("key", pending[0].Entry.IdempotencyKey);
        Assert.Empty(Directory.GetFiles(outbox.Folder, "*.tmp*"));
        Outbox.Remove(first);
        Assert.Single(outbox.Pending());
    }
}
