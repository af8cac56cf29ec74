// `sodalite scan --push hub` sends the failed-row samples with the results, against the real hub on 127.0.0.1: the body is the
// -srf file plus "failedRowSamples", the hub accepts it, the outbox keeps it, and the -srf file ingested later is the same scan.
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sodalite.Qalita;
using Sodalite.Results.Model;
using Sodalite.Results.Soda;
using Sodalite.TestSupport;

namespace Sodalite.Cli.Tests;

public class FailedRowSamplePushTests : IClassFixture<SqliteHub>
{
    private static readonly string Sample = Path.Combine(RepoPaths.Repo, "samples", "retail");
    private readonly SqliteHub _hub;
    private readonly string _token;

    public FailedRowSamplePushTests(SqliteHub hub)
    {
        _hub = hub;
        Environment.SetEnvironmentVariable("SODALITE_PUSH_RETRIES", "1");
        Environment.SetEnvironmentVariable("SODALITE_PUSH_RETRY_DELAY_MS", "20");
        using var c = hub.Client(hub.AdminToken);
        _token = (string)c.PostAsync("/api/v1/tokens/create", null).Result.Content.ReadFromJsonAsync<JsonObject>().Result!["access_token"]!;
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int exit = await SodaliteCli.RunAsync(args, o, e);
        return (exit, o.ToString(), e.ToString());
    }

    private static string Folder(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Scans the retail sample with -srf and --push hub; returns the exit code, the output and the -srf file's path.</summary>
    private async Task<(int Exit, string Out, string Err, string Srf)> ScanAndPush(string source, string outbox)
    {
        string srf = Path.Combine(Folder("sodalite-srf-"), "results.json");
        var (exit, output, err) = await Run("scan", "--no-history", "--data", Path.Combine(Sample, "retail.csv"), Path.Combine(Sample, "checks.yml"), "-srf", srf,
            "--push", "hub", "--hub", _hub.BaseAddress.ToString(), "--token", _token, "--source", source, "--outbox", outbox);
        return (exit, output, err, srf);
    }

    private async Task<JsonArray> Get(string path)
    {
        using var c = _hub.Client(_hub.AdminToken);
        return (await c.GetFromJsonAsync<JsonArray>(path))!;
    }

    /// <summary>The pushed body's samples match the -srf file: one per failing or warning check with a failed-rows block, with its columns and row count.</summary>
    private static void AssertSamplesMatch(byte[] body, byte[] srf)
    {
        Assert.Equal(srf, SodaPushBody.Strip(body));
        var pushed = SodaJsonReader.ReadStrict(JsonDocument.Parse(body).RootElement);
        var file = SodaJsonReader.Parse(srf);
        Assert.Empty(file.FailedRowSamples);
        var sampled = file.Checks
            .Where(c => c.Outcome is Outcome.Fail or Outcome.Warn)
            .Select(c => (c.Identity, File: (c.Diagnostics as MetricCheckDiagnostics)?.Blocks.Select(b => b switch
            {
                FailedRowsAnalysisBlock a => a.File,
                FailedRowsFileBlock f => f.File,
                _ => null,
            }).OfType<FailedRowsFile>().SingleOrDefault()))
            .Where(c => c.File is { StoredRowCount: > 0 })
            .ToList();
        Assert.Equal(sampled.Select(c => c.Identity), pushed.FailedRowSamples.Select(s => s.Check));
        foreach (var (identity, f) in sampled)
        {
            var sample = pushed.FailedRowSamples.Single(s => s.Check == identity);
            Assert.Equal(f!.Columns, sample.Columns);
            Assert.Equal(f.StoredRowCount, sample.Rows.Count);
        }
    }

    [Fact]
    public async Task Scanning_with_push_hub_sends_the_failed_row_samples_and_the_hub_stores_the_scan()
    {
        // Given
        string source = $"samples-{Guid.NewGuid():N}";

        // When
        var (exit, output, err, srf) = await ScanAndPush(source, Folder("sodalite-outbox-"));

        // Then
        Assert.True(exit == 2, err);
        Assert.Contains($"of source {source}, 14 results stored", output);
        byte[] body = _hub.Received.Single(r => r.PathAndQuery == $"/api/v2/scans?source={source}").Body!;
        AssertSamplesMatch(body, File.ReadAllBytes(srf));
        var pushed = SodaJsonReader.ReadStrict(JsonDocument.Parse(body).RootElement);
        var missing = pushed.FailedRowSamples.Single(s => s.Check == pushed.Checks.Single(c => c.Name == "missing_count(customer_email) = 0").Identity);
        int email = missing.Columns.Select(c => c.Name).ToList().IndexOf("customer_email");
        Assert.All(missing.Rows, r => Assert.Null(r[email]));
        Assert.Equal(pushed.Metrics.Single(m => m.MetricName == "missing_count" && m.Identity.Contains("customer_email")).Value, new IntegerValue(missing.TotalRowCount!.Value));
    }

    [Fact]
    public async Task The_srf_file_of_a_scan_pushed_with_its_samples_is_already_stored_when_ingested()
    {
        string source = $"samples-{Guid.NewGuid():N}";
        var (exit, _, err, srf) = await ScanAndPush(source, Folder("sodalite-outbox-"));
        Assert.True(exit == 2, err);

        var (ingested, output, _) = await Run("ingest", "soda", "--file", srf, "--source", source, "--hub", _hub.BaseAddress.ToString(), "--token", _token, "--outbox", Folder("sodalite-outbox-"));

        Assert.Equal(0, ingested);
        Assert.Contains("Already stored", output);
        int sourceId = (int)(await Get("/api/v2/sources")).Single(s => (string)s!["name"]! == source)!["id"]!;
        Assert.Single(await Get($"/api/v2/scans?source_id={sourceId}"));
    }

    [Fact]
    public async Task The_outbox_keeps_the_body_with_its_samples_and_sends_it_when_the_hub_is_back()
    {
        string source = $"samples-{Guid.NewGuid():N}";
        string outbox = Folder("sodalite-outbox-");
        string srf;
        await _hub.StopHubAsync();
        try
        {
            var (exit, _, err, file) = await ScanAndPush(source, outbox);
            srf = file;
            Assert.True(exit == 5, err);
        }
        finally
        {
            await _hub.StartHubAsync();
        }
        var entry = Assert.Single(new Outbox(outbox).Pending()).Entry;
        AssertSamplesMatch(entry.Content, File.ReadAllBytes(srf));
        Assert.Equal(HubClient.KeyFor(source, File.ReadAllBytes(srf)), entry.IdempotencyKey);

        var (retried, output, _) = await Run("push", "--retry-outbox", "--outbox", outbox, "--token", _token);

        Assert.Equal(0, retried);
        Assert.Contains("Outbox: 1 sent, 0 waiting,", output);
        Assert.Equal(entry.Content, _hub.Received.Single(r => r.PathAndQuery == $"/api/v2/scans?source={source}").Body);
    }
}
