using Sodalite.Results.Json;
using Sodalite.Results.Model;
using Sodalite.Results.Soda;

namespace Sodalite.Results.Tests.Soda;

public class SodaJsonWriterTests
{
    private static readonly DateTimeOffset At = new(2024, 1, 31, 13, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void A_scan_is_written_with_sodas_keys_in_sodas_order_on_one_line()
    {
        // Given
        var result = new ScanResult
        {
            DefinitionName = "Soda Core CLI",
            DefaultDataSource = "pg",
            DataTimestamp = At,
            ScanStartTimestamp = At,
            ScanEndTimestamp = At.AddSeconds(1),
            HasFailures = true,
            Metrics =
            [
                new ScanMetric { Identity = "metric-Soda Core CLI-pg-t-row_count", MetricName = "row_count", Value = new IntegerValue(11), Table = "t" },
                new ScanMetric
                {
                    Identity = "metric-Soda Core CLI-pg-t-schema", MetricName = "schema", IsSchema = true, DataSourceName = "pg", Table = "t",
                    Value = new ListValue([new ObjectValue([new("columnName", new TextValue("id")), new("sourceDataType", new TextValue("integer"))])]),
                },
            ],
            Checks =
            [
                new ScanCheck
                {
                    Identity = "871f4925",
                    Identities = new CheckIdentityVersions("e7c77591", "5ad5e209", "871f4925", "mine"),
                    Name = "row_count > 0",
                    Definition = "checks for t:\n  row_count > 0",
                    ResourceAttributes = [new ResourceAttribute("owner", new TextValue("Jé"))],
                    Location = new ResultLocation("checks.yml", 2, 5),
                    DataSource = "pg",
                    Table = "t",
                    Metrics = ["metric-Soda Core CLI-pg-t-row_count"],
                    Outcome = Outcome.Fail,
                    Diagnostics = new MetricCheckDiagnostics([], new IntegerValue(11)) { Fail = new ThresholdZone(null, 0, null, 10) },
                },
            ],
            Queries = [new ScanQuery("1.pg.t.aggregation[0]", "pg", "t", null, null, "SELECT COUNT(*) FROM t") { Duration = TimeSpan.FromTicks(18480) }],
            Logs = [new ScanLogEntry(LogEntryLevel.Error, "bad", At, 1) { Location = new ResultLocation("checks.yml", 3, 7), Doc = "slug" }],
            SourceOwner = "soda-core",
        };

        // When
        string json = SodaJsonWriter.Write(result);

        // Then
        Assert.Equal(
            "{\"definitionName\": \"Soda Core CLI\", \"defaultDataSource\": \"pg\", \"dataTimestamp\": \"2024-01-31T12:00:00+00:00\", " +
            "\"scanStartTimestamp\": \"2024-01-31T12:00:00+00:00\", \"scanEndTimestamp\": \"2024-01-31T12:00:01+00:00\", " +
            "\"hasErrors\": false, \"hasWarnings\": false, \"hasFailures\": true, " +
            "\"metrics\": [{\"identity\": \"metric-Soda Core CLI-pg-t-row_count\", \"metricName\": \"row_count\", \"value\": 11}, " +
            "{\"identity\": \"metric-Soda Core CLI-pg-t-schema\", \"metricName\": \"schema\", \"dataSourceName\": \"pg\", \"tableName\": \"t\", " +
            "\"partitionName\": null, \"columnName\": null, \"value\": [{\"columnName\": \"id\", \"sourceDataType\": \"integer\"}]}], " +
            "\"checks\": [{\"identity\": \"871f4925\", \"identities\": {\"v1\": \"e7c77591\", \"v2\": \"5ad5e209\", \"v3\": \"871f4925\", \"v4\": \"mine\"}, " +
            "\"migratedIdentities\": null, \"name\": \"row_count > 0\", \"type\": \"generic\", \"definition\": \"checks for t:\\n  row_count > 0\", " +
            "\"resourceAttributes\": [{\"name\": \"owner\", \"value\": \"J\\u00e9\"}], \"location\": {\"filePath\": \"checks.yml\", \"line\": 2, \"col\": 5}, " +
            "\"dataSource\": \"pg\", \"table\": \"t\", \"column\": null, \"metrics\": [\"metric-Soda Core CLI-pg-t-row_count\"], \"outcome\": \"fail\", " +
            "\"diagnostics\": {\"blocks\": [], \"value\": 11, \"fail\": {\"greaterThan\": 0.0, \"lessThanOrEqual\": 10.0}}, \"source\": \"soda-core\"}], " +
            "\"queries\": [{\"name\": \"1.pg.t.aggregation[0]\", \"dataSource\": \"pg\", \"table\": \"t\", \"partition\": null, \"column\": null, " +
            "\"sql\": \"SELECT COUNT(*) FROM t\", \"exception\": null, \"duration\": \"0:00:00.001848\"}], " +
            "\"automatedMonitoringChecks\": [], \"profiling\": [], \"metadata\": [], " +
            "\"logs\": [{\"level\": \"error\", \"message\": \"bad\", \"timestamp\": \"2024-01-31T12:00:00+00:00\", \"index\": 1, " +
            "\"errorLocation\": {\"filePath\": \"checks.yml\", \"line\": 3, \"col\": 7}, \"location\": {\"filePath\": \"checks.yml\", \"line\": 3, \"col\": 7}, \"doc\": \"slug\"}], " +
            "\"sourceOwner\": \"soda-core\"}",
            json);
    }

    [Fact]
    public void A_group_by_check_starts_with_its_group_and_a_failed_rows_sample_is_a_block()
    {
        var check = new ScanCheck
        {
            Group = new CheckGroup("7a0fab38", "Average size", "NL"),
            Identity = "3e6a18f9",
            Name = "Average size [NL]",
            Diagnostics = new MetricCheckDiagnostics(
                [new FailedRowsAnalysisBlock("Failed Rows Analysis", new FailedRowsFile([new SampleColumn("id", "varchar")], 3, 1, FileReference.NoFile),
                    "3.q.failing_sql", "3.q.passing_sql", new IntegerValue(3), 1)], new FloatValue(6.0)),
        };

        string json = SodaJsonWriter.Write(new ScanResult { Checks = [check] });

        Assert.Contains("\"checks\": [{\"group\": {\"identity\": \"7a0fab38\", \"name\": \"Average size\", \"distinctLabel\": \"NL\"}, \"identity\": \"3e6a18f9\", \"identities\": null,", json);
        Assert.Contains("\"diagnostics\": {\"blocks\": [{\"type\": \"failedRowsAnalysis\", \"title\": \"Failed Rows Analysis\", \"file\": {\"columns\": [{\"name\": \"id\", \"type\": \"varchar\"}], " +
            "\"totalRowCount\": 3, \"storedRowCount\": 1, \"reference\": {\"type\": \"noFile\", \"message\": \"Samples are not sent to Soda Cloud\", \"link\": {\"href\": null, \"text\": null}, \"fileId\": \"\"}}, " +
            "\"failingRowsQueryName\": \"3.q.failing_sql\", \"passingRowsQueryName\": \"3.q.passing_sql\", \"totalFailingRows\": 3, \"sampleRowCount\": 1}], \"value\": 6.0}", json);
    }

    [Fact]
    public void Row_count_comparison_and_freshness_diagnostics_have_their_own_keys()
    {
        var comparison = new RowCountComparisonDiagnostics(new IntegerValue(2), new IntegerValue(11), new IntegerValue(9)) { Fail = new ThresholdZone(null, null, 0, null) };
        var freshness = new MetricCheckDiagnostics([], new TextValue("1 day, 0:00:00"))
        {
            Freshness = new FreshnessMeasurement("2024-01-30 12:00:00", "2024-01-30 12:00:00+00:00", "NOW", "2024-01-31 12:00:00+00:00", "2024-01-31 12:00:00+00:00", "1 day, 0:00:00"),
        };

        Assert.Equal("{\"value\": 2, \"rowCount\": 11, \"otherRowCount\": 9, \"fail\": {\"lessThan\": 0.0}}", SodaJsonWriter.Write(comparison));
        Assert.Equal("{\"blocks\": [], \"value\": \"1 day, 0:00:00\", \"measure\": \"time\", \"maxColumnTimestamp\": \"2024-01-30 12:00:00\", " +
            "\"maxColumnTimestampUtc\": \"2024-01-30 12:00:00+00:00\", \"nowVariableName\": \"NOW\", \"nowTimestamp\": \"2024-01-31 12:00:00+00:00\", " +
            "\"nowTimestampUtc\": \"2024-01-31 12:00:00+00:00\", \"freshness\": \"1 day, 0:00:00\"}", SodaJsonWriter.Write(freshness));
    }

    [Fact]
    public void Values_are_written_as_python_writes_them()
    {
        ResultValue value = new ListValue([new FloatValue(0.1 + 0.2), new FloatValue(1e16), new FloatValue(double.NaN), null, new BooleanValue(true),
            new ObjectValue([new("k", new TextValue("tab\tquote\""))])]);

        Assert.Equal("[0.30000000000000004, 1e+16, NaN, null, true, {\"k\": \"tab\\tquote\\\"\"}]", SodaJsonWriter.Write(value));
        Assert.Equal(SodaJsonWriter.Write(value), PyJson.Serialize(SodaJsonWriter.ToNode(value)));
    }

    [Theory]
    [InlineData(0, "0:00:00")]
    [InlineData(18480, "0:00:00.001848")]
    [InlineData(36_000_000_000 * 24 + 36_000_000_000 / 10, "1 day, 0:06:00")]
    [InlineData(-36_000_000_000, "-1 day, 23:00:00")]
    [InlineData(864_000_000_000 * 3 + 10, "3 days, 0:00:00.000001")]
    public void A_duration_is_pythons_str_of_a_timedelta_and_reads_back(long ticks, string text)
    {
        Assert.Equal(text, PyTimedelta.Format(TimeSpan.FromTicks(ticks)));
        Assert.True(PyTimedelta.TryParse(text, out var back));
        Assert.Equal(TimeSpan.FromTicks(ticks), back);
    }
}
