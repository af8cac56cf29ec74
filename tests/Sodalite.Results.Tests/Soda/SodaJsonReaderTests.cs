using System.Text.Json;
using System.Text.Json.Nodes;
using Sodalite.Results.Json;
using Sodalite.Results.Model;
using Sodalite.Results.Soda;

namespace Sodalite.Results.Tests.Soda;

public class SodaJsonReaderTests
{
    [Theory]
    [MemberData(nameof(RecordedResults.Names), MemberType = typeof(RecordedResults))]
    public void A_results_file_soda_wrote_reads_and_writes_back_to_the_same_bytes(string name)
    {
        // Given (the CLI tests' recordings are kept indented: their one-line form is what Soda wrote)
        string text = RecordedResults.Text(name);
        string expected = text.Contains('\n', StringComparison.Ordinal) ? PyJson.Reformat(text) : text;

        // When
        string written = SodaJsonWriter.Write(SodaJsonReader.Parse(text));

        // Then
        Assert.Equal(expected, written);
    }

    [Theory]
    [MemberData(nameof(RecordedResults.Names), MemberType = typeof(RecordedResults))]
    public void Every_recorded_diagnostics_shape_is_typed(string name)
    {
        var result = SodaJsonReader.Parse(RecordedResults.Text(name));

        Assert.All(result.Checks, c => Assert.IsNotType<OtherDiagnostics>(c.Diagnostics));
    }

    [Fact]
    public void A_check_metric_and_scan_read_into_their_typed_fields()
    {
        var result = SodaJsonReader.Parse(RecordedResults.Text("qalita/retail"));

        Assert.Equal("Soda Core CLI", result.DefinitionName);
        Assert.Equal("retail", result.DefaultDataSource);
        Assert.Equal(TimeSpan.Zero, result.DataTimestamp!.Value.Offset);
        Assert.Equal("soda-core", result.SourceOwner);
        var missing = result.Checks.Single(c => c.Metrics.Contains("metric-Soda Core CLI-retail-retail-customer_email-missing_count"));
        Assert.Equal(("retail", "customer_email", Outcome.Fail), (missing.Table, missing.Column, missing.Outcome));
        Assert.Equal(new IntegerValue(1), missing.Diagnostics!.Value);
        var min = result.Metrics.Single(m => m.MetricName == "min");
        Assert.Equal(new FloatValue(0.0), min.Value);
        Assert.False(min.IsSchema);
        Assert.Null(min.Column); // a Soda file states a metric's column nowhere: the checks that list it do
        Assert.Equal("amount", result.ChecksOf(min.Identity).Single().Column);
        Assert.Equal(LogEntryLevel.Info, result.Logs[0].Level);
        Assert.Equal(1, result.Logs[0].Index);
    }

    [Fact]
    public void The_diagnostics_of_schema_freshness_row_count_comparison_failed_rows_and_group_by_checks_are_typed()
    {
        var schema = SodaJsonReader.Parse(RecordedResults.Text("soda-v3/schema_index_fail"));
        var s = Assert.IsType<SchemaCheckDiagnostics>(schema.Checks[0].Diagnostics);
        Assert.Equal(["id", "cst_size_txt", "distance"], s.ColumnIndexMismatches.Select(m => m.Column));
        Assert.Equal("Schema", Assert.IsType<CsvBlock>(s.Blocks[0]).Title);
        Assert.True(schema.Metrics.Single(m => m.MetricName == "schema").IsSchema);
        Assert.Equal("customers", schema.Metrics.Single(m => m.MetricName == "schema").Table);

        var freshness = SodaJsonReader.Parse(RecordedResults.Text("soda-v3/freshness_warn"));
        Assert.NotNull(Assert.IsType<MetricCheckDiagnostics>(freshness.Checks[0].Diagnostics).Freshness);

        var comparison = SodaJsonReader.Parse(RecordedResults.Text("soda-v3/row_count_same_as_filters"));
        Assert.Contains(comparison.Checks, c => c.Diagnostics is RowCountComparisonDiagnostics);

        var failed = SodaJsonReader.Parse(RecordedResults.Text("soda-v3/missing_default"));
        Assert.Contains(failed.Checks, c => c.Diagnostics is MetricCheckDiagnostics { Blocks: [FailedRowsAnalysisBlock { File.StoredRowCount: > 0 }] });

        var groups = SodaJsonReader.Parse(RecordedResults.Text("soda-v3/group_by"));
        Assert.Equal(["NL", "BE"], groups.Checks.Select(c => c.Group!.DistinctLabel));
    }

    [Fact]
    public void The_get_scan_results_shape_reads_like_the_srf_file_it_matches()
    {
        // Given: the -srf file, and the dict scan.get_scan_results() gives for the same scan (spec/sodacl.md §4.3).
        string srf = RecordedResults.Text("qalita/retail");
        string api = GetScanResultsShape(srf);

        // When
        var fromSrf = SodaJsonReader.Parse(srf);
        var fromApi = SodaJsonReader.Parse(api);

        // Then
        Assert.Null(fromApi.SourceOwner);
        Assert.All(fromApi.Checks, c => Assert.Null(c.Identities));
        Assert.All(fromApi.Checks, c => Assert.Null(c.Source));
        Assert.All(fromApi.Metrics, m => Assert.Equal("retail", m.DataSourceName));
        Assert.Equal(fromSrf.Checks.Select(Essentials), fromApi.Checks.Select(Essentials));
        Assert.Equal(fromSrf.Metrics.Select(m => (m.Identity, m.MetricName, m.Value)), fromApi.Metrics.Select(m => (m.Identity, m.MetricName, m.Value)));
        Assert.Equal(fromSrf.Logs.Select(l => (l.Level, l.Message)), fromApi.Logs.Select(l => (l.Level, l.Message)));
        Assert.Equal((fromSrf.DataTimestamp, fromSrf.HasFailures), (fromApi.DataTimestamp, fromApi.HasFailures));
    }

    private static (string, string, string, string?, string?, string, Outcome?, string) Essentials(ScanCheck c) =>
        (c.Identity, c.Name, c.Definition, c.Table, c.Column, string.Join(",", c.Metrics), c.Outcome, SodaJsonWriter.Write(c.Diagnostics!));

    /// <summary>A -srf document rewritten the way get_scan_results() differs from it.</summary>
    public static string GetScanResultsShape(string srf)
    {
        var doc = (JsonObject)JsonNode.Parse(srf)!;
        doc.Remove("sourceOwner");
        foreach (var c in ((JsonArray)doc["checks"]!).Cast<JsonObject>())
        {
            c.Remove("identities");
            c.Remove("migratedIdentities");
            c.Remove("source");
            var diagnostics = c["diagnostics"]!;
            c.Remove("diagnostics");
            c["filter"] = null;
            c["outcomeReasons"] = new JsonArray();
            c["archetype"] = null;
            c["diagnostics"] = diagnostics;
        }
        foreach (var m in ((JsonArray)doc["metrics"]!).Cast<JsonObject>()) m["dataSourceName"] ??= (string?)doc["defaultDataSource"];
        foreach (var l in ((JsonArray)doc["logs"]!).Cast<JsonObject>())
        {
            l["level"] = ((string)l["level"]!).ToUpperInvariant();
            l["doc"] ??= null;
            l["location"] ??= null;
        }
        return doc.ToJsonString();
    }

    [Fact]
    public void Ints_and_floats_stay_apart_and_ints_have_no_bound()
    {
        var v = SodaJsonReader.ReadValue(JsonDocument.Parse("[6, 6.0, 1e-05, 123456789012345678901234567890, -0.5, \"6\"]").RootElement);

        var items = Assert.IsType<ListValue>(v).Items;
        Assert.Equal(new IntegerValue(6), items[0]);
        Assert.Equal(new FloatValue(6.0), items[1]);
        Assert.Equal(new FloatValue(1e-05), items[2]);
        Assert.Equal("123456789012345678901234567890", SodaJsonWriter.Write(items[3]));
        Assert.Equal("[6, 6.0, 1e-05, 123456789012345678901234567890, -0.5, \"6\"]", SodaJsonWriter.Write(v));
    }

    [Fact]
    public void A_repeated_key_keeps_its_first_place_and_its_last_value_as_python_reads_it()
    {
        var v = SodaJsonReader.ReadValue(JsonDocument.Parse("{\"a\": 1, \"b\": 2, \"a\": 3}").RootElement);

        Assert.Equal("{\"a\": 3, \"b\": 2}", SodaJsonWriter.Write(v));
    }

    [Fact]
    public void Diagnostics_of_a_shape_the_model_does_not_know_are_kept_as_read()
    {
        string json = """{"blocks": [], "value": 7, "anomalyProbability": 0.93, "fail": {"greaterThan": 5}}""";

        var d = SodaJsonReader.ReadDiagnostics(JsonDocument.Parse(json).RootElement);

        var other = Assert.IsType<OtherDiagnostics>(d);
        Assert.Equal(new IntegerValue(7), other.Value);
        Assert.Equal(PyJson.Reformat(json), SodaJsonWriter.Write(other));
    }

    [Fact]
    public void A_threshold_written_as_an_int_is_kept_as_read_since_soda_writes_floats()
    {
        string json = """{"blocks": [], "value": 7, "fail": {"greaterThan": 5}}""";

        var d = SodaJsonReader.ReadDiagnostics(JsonDocument.Parse(json).RootElement);

        Assert.IsType<OtherDiagnostics>(d);
        Assert.Equal(PyJson.Reformat(json), SodaJsonWriter.Write(d!));
    }

    [Theory]
    [InlineData("[1, 2]", "$", "The body must be a JSON object: a Soda scan results document (soda scan -srf).")]
    [InlineData("{\"dataTimestamp\": \"2024-01-01T00:00:00Z\"}", "$.checks", "$.checks is missing.")]
    [InlineData("{\"checks\": {}}", "$.checks", "$.checks must be an array.")]
    [InlineData("{\"checks\": [3]}", "checks[0]", "checks[0] must be an object.")]
    [InlineData("{\"checks\": [{\"name\": \"x\"}]}", "checks[0].identity", "checks[0].identity is missing.")]
    [InlineData("{\"checks\": [{\"identity\": 5}]}", "checks[0].identity", "checks[0].identity must be a string.")]
    [InlineData("{\"checks\": [{\"identity\": \"i\", \"outcome\": \"great\"}]}", "checks[0].outcome", "checks[0].outcome must be pass, warn, fail or null, not \"great\".")]
    [InlineData("{\"checks\": [{\"identity\": \"i\", \"outcome\": \"pass\"}]}", "checks[0].name", "checks[0].name is missing.")]
    [InlineData("{\"checks\": [{\"identity\": \"i\", \"name\": \"n\", \"table\": 1}]}", "checks[0].table", "checks[0].table must be a string.")]
    [InlineData("{\"checks\": [], \"metrics\": [{\"identity\": \"m\"}]}", "metrics[0].metricName", "metrics[0].metricName is missing.")]
    [InlineData("{\"checks\": [], \"defaultDataSource\": 1}", "$.defaultDataSource", "$.defaultDataSource must be a string.")]
    [InlineData("{\"checks\": []}", "$.dataTimestamp", "$.dataTimestamp is missing.")]
    [InlineData("{\"checks\": [], \"dataTimestamp\": \"yesterday\"}", "$.dataTimestamp", "$.dataTimestamp must be an ISO 8601 timestamp such as 2024-01-31T12:00:00+00:00, not \"yesterday\".")]
    [InlineData("{\"checks\": [], \"dataTimestamp\": \"2024-01-01T00:00:00Z\", \"scanEndTimestamp\": \"later\"}", "$.scanEndTimestamp", "$.scanEndTimestamp must be an ISO 8601 timestamp such as 2024-01-31T12:00:00+00:00, not \"later\".")]
    public void A_strict_read_names_the_first_field_at_fault(string json, string field, string message)
    {
        var e = Assert.Throws<SodaJsonException>(() => SodaJsonReader.ReadStrict(JsonDocument.Parse(json).RootElement));

        Assert.Equal((field, message), (e.Field, e.Message));
    }

    [Fact]
    public void A_strict_read_takes_a_document_with_what_storage_needs()
    {
        var r = SodaJsonReader.ReadStrict(JsonDocument.Parse(
            """{"dataTimestamp": "2024-01-01T01:00:00+01:00", "checks": [{"identity": "i", "name": "n", "outcome": null}]}""").RootElement);

        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), r.DataTimestamp);
        Assert.Null(r.Checks[0].Outcome);
    }

    [Fact]
    public void A_lenient_read_takes_what_it_can_and_leaves_the_rest()
    {
        var r = SodaJsonReader.Parse("""
            {"checks": [3, {"name": 5, "outcome": "error", "column": "c", "metrics": ["m", 1]}], "metrics": [[], {"identity": "m", "value": 2}],
             "dataTimestamp": "yesterday"}
            """);

        var c = Assert.Single(r.Checks);
        Assert.Equal(("", "", null, "c"), (c.Identity, c.Name, c.Outcome, c.Column));
        Assert.Equal(["m"], c.Metrics);
        Assert.Equal(new IntegerValue(2), Assert.Single(r.Metrics).Value);
        Assert.Null(r.DataTimestamp);
        Assert.Null(c.Diagnostics);
    }

    [Fact]
    public void A_lenient_read_of_anything_but_an_object_says_so()
    {
        var e = Assert.Throws<SodaJsonException>(() => SodaJsonReader.Parse("[1]"));

        Assert.Equal(("$", "the top level is not an object"), (e.Field, e.Message));
    }

    [Fact]
    public void Text_that_is_not_json_throws_the_json_error()
    {
        Assert.ThrowsAny<JsonException>(() => SodaJsonReader.Parse("not json"));
    }
}
