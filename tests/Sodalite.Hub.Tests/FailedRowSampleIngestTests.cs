// A pushed body may carry the scan's failed-row samples ("failedRowSamples", beside Soda's keys). The hub accepts them, checks
// their shape, and leaves them out of the key it identifies a scan by when the client sends no Idempotency-Key: the body with
// samples and the -srf file without them are one scan. Over real HTTP on 127.0.0.1, on SQLite and on PostgreSQL.
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sodalite.Results.Model;
using Sodalite.Results.Soda;
using Sodalite.TestSupport;

namespace Sodalite.Hub.Tests;

public abstract class FailedRowSampleIngestTests<THub>(THub hub) : IClassFixture<THub> where THub : HubFixture
{
    /// <summary>A -srf document with one failing missing_count check, as the CLI writes it.</summary>
    private static byte[] Srf(string dataTimestamp) => Encoding.UTF8.GetBytes(SodaJsonWriter.Write(new ScanResult
    {
        DefinitionName = "Soda Core CLI",
        DefaultDataSource = "warehouse",
        DataTimestamp = DateTimeOffset.Parse(dataTimestamp, System.Globalization.CultureInfo.InvariantCulture),
        HasFailures = true,
        Metrics = [new ScanMetric { Identity = "metric-email-missing", MetricName = "missing_count", Value = new IntegerValue(2), Table = "customers", Column = "email" }],
        Checks =
        [
            new ScanCheck
            {
                Identity = "c0ffee01", Name = "missing_count(email) = 0", Definition = "checks for customers:\n  missing_count(email) = 0",
                Table = "customers", Column = "email", Metrics = ["metric-email-missing"], Outcome = Outcome.Fail,
                Diagnostics = new MetricCheckDiagnostics([], new IntegerValue(2)),
            },
        ],
        SourceOwner = "soda-core",
    }));

    private static readonly FailedRowSample Missing = new("c0ffee01", [new SampleColumn("id", "integer"), new SampleColumn("email", "varchar")],
        [[new IntegerValue(4), null], [new IntegerValue(9), null]], 2);

    /// <summary>Posts without an Idempotency-Key: the hub makes the key from the body.</summary>
    private async Task<(HttpStatusCode Status, JsonObject Body)> Post(string source, byte[] body)
    {
        using var c = hub.Client(hub.AdminToken);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var r = await c.PostAsync($"/api/v2/scans?source={source}", content);
        return (r.StatusCode, (await r.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private async Task<int> ScanCount(string source)
    {
        using var c = hub.Client(hub.AdminToken);
        var sources = (await c.GetFromJsonAsync<JsonArray>("/api/v2/sources"))!;
        int id = (int)sources.Single(s => (string?)s!["name"] == source)!["id"]!;
        return (await c.GetFromJsonAsync<JsonArray>($"/api/v2/scans?source_id={id}"))!.Count;
    }

    [Fact]
    public async Task A_body_with_samples_is_stored_and_its_srf_file_pushed_later_is_the_same_scan()
    {
        // Given
        string source = $"samples-{Guid.NewGuid():N}";
        byte[] srf = Srf("2024-05-01T00:00:00+00:00");
        byte[] body = SodaPushBody.Splice(srf, [Missing]);

        // When
        var (first, stored) = await Post(source, body);
        var (second, again) = await Post(source, srf);

        // Then
        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal(1, (int)stored["results"]!);
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.True((bool)again["duplicate"]!);
        Assert.Equal((int)stored["scan_id"]!, (int)again["scan_id"]!);
        Assert.Equal(1, await ScanCount(source));
    }

    [Fact]
    public async Task Samples_anywhere_in_the_body_leave_the_scan_the_same_and_a_different_scan_is_stored_apart()
    {
        string source = $"samples-{Guid.NewGuid():N}";
        byte[] srf = Srf("2024-05-02T00:00:00+00:00");
        string samples = SodaJsonWriter.WriteFailedRowSamples([Missing]);
        byte[] first = Encoding.UTF8.GetBytes("{\"failedRowSamples\": " + samples + ", " + Encoding.UTF8.GetString(srf)[1..]);

        var (s1, _) = await Post(source, first);
        var (s2, b2) = await Post(source, SodaPushBody.Splice(srf, [Missing with { Rows = [] }]));
        var (s3, b3) = await Post(source, SodaPushBody.Splice(Srf("2024-05-03T00:00:00+00:00"), [Missing]));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Created), (s1, s2, s3));
        Assert.True((bool)b2["duplicate"]!);
        Assert.False((bool)b3["duplicate"]!);
        Assert.Equal(2, await ScanCount(source));
    }

    [Theory]
    [InlineData("{}", "$.failedRowSamples")]
    [InlineData("[{\"check\": \"c0ffee01\", \"columns\": [{\"name\": \"id\", \"type\": \"integer\"}], \"rows\": [[1], 2]}]", "failedRowSamples[0].rows[1]")]
    [InlineData("[{\"check\": \"c0ffee01\", \"columns\": [], \"rows\": [], \"totalRowCount\": \"many\"}]", "failedRowSamples[0].totalRowCount")]
    public async Task Samples_of_a_wrong_shape_get_a_400_naming_the_field_and_store_nothing(string samples, string field)
    {
        string source = $"bad-samples-{Guid.NewGuid():N}";
        string srf = Encoding.UTF8.GetString(Srf("2024-05-04T00:00:00+00:00"));

        var (status, response) = await Post(source, Encoding.UTF8.GetBytes(srf[..^1] + ", \"failedRowSamples\": " + samples + "}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(field, (string)response["field"]!);
        using var c = hub.Client(hub.AdminToken);
        Assert.DoesNotContain((await c.GetFromJsonAsync<JsonArray>("/api/v2/sources"))!, s => (string?)s!["name"] == source);
    }
}

public sealed class SqliteFailedRowSampleIngestTests(SqliteHub hub) : FailedRowSampleIngestTests<SqliteHub>(hub);

/// <summary>What the hub keeps of the samples it receives: everything within its limits, less beyond them, nothing when off.</summary>
public sealed class FailedRowSampleStorageTests(SqliteHub hub, SqliteHubWithSmallSampleLimits small, SqliteHubWithoutSamples off)
    : IClassFixture<SqliteHub>, IClassFixture<SqliteHubWithSmallSampleLimits>, IClassFixture<SqliteHubWithoutSamples>
{
    /// <summary>A -srf document with two failing checks (missing e-mails, duplicate ids) and their samples.</summary>
    private static byte[] Body()
    {
        ScanCheck Check(string identity, string line, string column) => new()
        {
            Identity = identity,
            Name = line,
            Definition = $"checks for customers:\n  {line}",
            Table = "customers",
            Column = column,
            Metrics = [$"metric-{identity}"],
            Outcome = Outcome.Fail,
            Diagnostics = new MetricCheckDiagnostics([], new IntegerValue(3)),
        };
        var doc = new ScanResult
        {
            DefinitionName = "Soda Core CLI",
            DefaultDataSource = "warehouse",
            DataTimestamp = new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero),
            HasFailures = true,
            Metrics = [new ScanMetric { Identity = "metric-a1", MetricName = "missing_count", Value = new IntegerValue(3) }, new ScanMetric { Identity = "metric-b2", MetricName = "duplicate_count", Value = new IntegerValue(3) }],
            Checks = [Check("a1", "missing_count(email) = 0", "email"), Check("b2", "duplicate_count(id) = 0", "id")],
            SourceOwner = "soda-core",
        };
        return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SodaPushBody.Splice(Encoding.UTF8.GetBytes(SodaJsonWriter.Write(doc)),
        [
            new FailedRowSample("a1", [new SampleColumn("id", "integer"), new SampleColumn("email", "varchar")],
                [[new IntegerValue(4), null], [new IntegerValue(9), null], [new IntegerValue(12), new TextValue("")]], 3),
            new FailedRowSample("b2", [new SampleColumn("id", "integer"), new SampleColumn("name", "varchar")],
                [[new IntegerValue(7), new TextValue("Ana")], [new IntegerValue(7), new TextValue("Ana Lima")]], 2),
        ])));
    }

    private static async Task<(JsonObject? Missing, JsonObject? Duplicate)> PushAndReadAsync(HubFixture target)
    {
        using var c = target.Client(target.AdminToken);
        string source = $"kept-{Guid.NewGuid():N}";
        var content = new ByteArrayContent(Body());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        Assert.Equal(HttpStatusCode.Created, (await c.PostAsync($"/api/v2/scans?source={source}", content)).StatusCode);
        int sourceId = (int)(await c.GetFromJsonAsync<JsonArray>("/api/v2/sources"))!.Single(s => (string?)s!["name"] == source)!["id"]!;
        int datasetId = (int)(await c.GetFromJsonAsync<JsonArray>($"/api/v2/datasets?source_id={sourceId}"))!.Single()!["id"]!;
        var checks = (await c.GetFromJsonAsync<JsonArray>($"/api/v2/checks?dataset_id={datasetId}"))!;
        async Task<JsonObject?> Sample(string identity)
        {
            int id = (int)checks.Single(x => (string?)x!["identity"] == identity)!["id"]!;
            var r = await c.GetAsync($"/api/v2/checks/{id}/samples");
            return r.StatusCode == HttpStatusCode.OK ? await r.Content.ReadFromJsonAsync<JsonObject>() : null;
        }
        return (await Sample("a1"), await Sample("b2"));
    }

    [Fact]
    public async Task The_hub_keeps_each_failing_checks_rows_as_sent()
    {
        var (missing, duplicate) = await PushAndReadAsync(hub);
        Assert.Equal("[[4,null],[9,null],[12,\"\"]]", missing!["rows"]!.ToJsonString());
        Assert.Equal("[{\"name\":\"id\",\"type\":\"integer\"},{\"name\":\"email\",\"type\":\"varchar\"}]", missing["columns"]!.ToJsonString());
        Assert.Equal((3, 3L, false), ((int)missing["stored_row_count"]!, (long)missing["total_row_count"]!, (bool)missing["truncated"]!));
        Assert.Equal("[[7,\"Ana\"],[7,\"Ana Lima\"]]", duplicate!["rows"]!.ToJsonString());
    }

    [Fact]
    public async Task Rows_beyond_the_per_check_and_per_scan_limits_are_dropped_and_the_sample_says_so()
    {
        // 2 rows per check: the first check keeps 2 of 3 ("[4, null]" and "[9, null]": 24 bytes of JSON with brackets and
        // separators); of the 50 bytes per scan, the 26 left hold one of the second check's rows.
        var (missing, duplicate) = await PushAndReadAsync(small);
        Assert.Equal("[[4,null],[9,null]]", missing!["rows"]!.ToJsonString());
        Assert.True((bool)missing["truncated"]!);
        Assert.Equal(3L, (long)missing["total_row_count"]!);
        Assert.Equal("[[7,\"Ana\"]]", duplicate!["rows"]!.ToJsonString());
        Assert.True((bool)duplicate["truncated"]!);
    }

    [Fact]
    public async Task A_hub_with_samples_off_keeps_none()
    {
        var (missing, duplicate) = await PushAndReadAsync(off);
        Assert.Null(missing);
        Assert.Null(duplicate);
    }
}

public sealed class PostgresFailedRowSampleIngestTests(PostgresHub hub) : FailedRowSampleIngestTests<PostgresHub>(hub);
