// Failed-row samples travel to the hub in the pushed body, never in the -srf file: the writer adds them as the last key, the
// reader reads them back (strictly or leniently), and stripping them gives the -srf bytes back, for every recorded document.
using System.Text;
using System.Text.Json;
using Sodalite.Results.Model;
using Sodalite.Results.Soda;

namespace Sodalite.Results.Tests.Soda;

public class FailedRowSamplesTests
{
    private static readonly FailedRowSample Missing = new("871f4925",
        [new SampleColumn("id", "integer"), new SampleColumn("email", "varchar")],
        [[new IntegerValue(1), null], [new IntegerValue(2), new TextValue("Jé")]], 12);

    private static readonly FailedRowSample Duplicates = new("5ad5e209",
        [new SampleColumn("price", "decimal"), new SampleColumn("active", "boolean")],
        [[new FloatValue(2.5), new BooleanValue(true)]]);

    private static ScanResult Scan(params FailedRowSample[] samples) => new()
    {
        DefinitionName = "Soda Core CLI",
        DefaultDataSource = "pg",
        DataTimestamp = new DateTimeOffset(2024, 1, 31, 12, 0, 0, TimeSpan.Zero),
        Checks = [new ScanCheck { Identity = "871f4925", Name = "missing_count(email) = 0", Outcome = Outcome.Fail, Metrics = ["m"] }],
        SourceOwner = "soda-core",
        FailedRowSamples = samples,
    };

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static ScanResult Strict(string json) => SodaJsonReader.ReadStrict(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void The_srf_document_never_holds_the_samples()
    {
        Assert.Equal(SodaJsonWriter.Write(Scan()), SodaJsonWriter.Write(Scan(Missing)));
        Assert.DoesNotContain("failedRowSamples", SodaJsonWriter.Write(Scan(Missing)));
    }

    [Fact]
    public void Without_samples_the_push_body_is_the_srf_document()
    {
        Assert.Equal(SodaJsonWriter.Write(Scan()), SodaJsonWriter.WritePushBody(Scan()));
    }

    [Fact]
    public void The_push_body_is_the_srf_document_with_the_samples_as_its_last_key()
    {
        // Given
        string srf = SodaJsonWriter.Write(Scan(Missing, Duplicates));

        // When
        string body = SodaJsonWriter.WritePushBody(Scan(Missing, Duplicates));

        // Then
        Assert.Equal(srf[..^1] +
            ", \"failedRowSamples\": [{\"check\": \"871f4925\", \"columns\": [{\"name\": \"id\", \"type\": \"integer\"}, {\"name\": \"email\", \"type\": \"varchar\"}], " +
            "\"rows\": [[1, null], [2, \"J\\u00e9\"]], \"totalRowCount\": 12}, " +
            "{\"check\": \"5ad5e209\", \"columns\": [{\"name\": \"price\", \"type\": \"decimal\"}, {\"name\": \"active\", \"type\": \"boolean\"}], " +
            "\"rows\": [[2.5, true]]}]}",
            body);
    }

    [Fact]
    public void A_float_that_is_not_finite_is_written_as_its_text_so_the_body_stays_strict_json()
    {
        var sample = new FailedRowSample("c", [new SampleColumn("x", "double")], [[new FloatValue(double.NaN)], [new FloatValue(double.NegativeInfinity)]]);

        string json = SodaJsonWriter.WriteFailedRowSamples([sample]);

        Assert.Equal("[{\"check\": \"c\", \"columns\": [{\"name\": \"x\", \"type\": \"double\"}], \"rows\": [[\"NaN\"], [\"-Infinity\"]]}]", json);
        using var _ = JsonDocument.Parse(json);
    }

    [Fact]
    public void The_push_body_reads_back_to_the_same_samples_and_writes_back_to_the_same_bytes_in_both_modes()
    {
        string body = SodaJsonWriter.WritePushBody(Scan(Missing, Duplicates));

        var lenient = SodaJsonReader.Parse(body);
        var strict = Strict(body);

        Assert.Equal([Missing, Duplicates], lenient.FailedRowSamples);
        Assert.Equal([Missing, Duplicates], strict.FailedRowSamples);
        Assert.Equal(body, SodaJsonWriter.WritePushBody(lenient));
        Assert.Equal(body, SodaJsonWriter.WritePushBody(strict));
    }

    [Fact]
    public void A_document_without_the_key_has_no_samples()
    {
        Assert.Empty(SodaJsonReader.Parse(SodaJsonWriter.Write(Scan(Missing))).FailedRowSamples);
        Assert.Empty(Strict(SodaJsonWriter.Write(Scan(Missing))).FailedRowSamples);
    }

    private const string Head = "{\"dataTimestamp\": \"2024-01-01T00:00:00Z\", \"checks\": [], \"failedRowSamples\": ";

    [Theory]
    [InlineData("{}", "$.failedRowSamples", "$.failedRowSamples must be an array.")]
    [InlineData("[7]", "failedRowSamples[0]", "failedRowSamples[0] must be an object.")]
    [InlineData("[{\"columns\": [], \"rows\": []}]", "failedRowSamples[0].check", "failedRowSamples[0].check is missing.")]
    [InlineData("[{\"check\": 3, \"columns\": [], \"rows\": []}]", "failedRowSamples[0].check", "failedRowSamples[0].check must be a string.")]
    [InlineData("[{\"check\": \"c\", \"rows\": []}]", "failedRowSamples[0].columns", "failedRowSamples[0].columns is missing.")]
    [InlineData("[{\"check\": \"c\", \"columns\": {}, \"rows\": []}]", "failedRowSamples[0].columns", "failedRowSamples[0].columns must be an array.")]
    [InlineData("[{\"check\": \"c\", \"columns\": [\"id\"], \"rows\": []}]", "failedRowSamples[0].columns[0]", "failedRowSamples[0].columns[0] must be an object.")]
    [InlineData("[{\"check\": \"c\", \"columns\": [{\"name\": 1}], \"rows\": []}]", "failedRowSamples[0].columns[0].name", "failedRowSamples[0].columns[0].name must be a string.")]
    [InlineData("[{\"check\": \"c\", \"columns\": []}]", "failedRowSamples[0].rows", "failedRowSamples[0].rows is missing.")]
    [InlineData("[{\"check\": \"c\", \"columns\": [{\"name\": \"id\", \"type\": \"int\"}], \"rows\": [[1], [2], [3], 4]}]", "failedRowSamples[0].rows[3]", "failedRowSamples[0].rows[3] must be an array of values, one per column.")]
    [InlineData("[{\"check\": \"c\", \"columns\": [{\"name\": \"id\", \"type\": \"int\"}], \"rows\": [[1, 2]]}]", "failedRowSamples[0].rows[0]", "failedRowSamples[0].rows[0] must have 1 value(s), one per column, not 2.")]
    [InlineData("[{\"check\": \"c\", \"columns\": [{\"name\": \"id\", \"type\": \"int\"}], \"rows\": [[{\"a\": 1}]]}]", "failedRowSamples[0].rows[0][0]", "failedRowSamples[0].rows[0][0] must be a string, a number, true, false or null.")]
    [InlineData("[{\"check\": \"c\", \"columns\": [], \"rows\": [], \"totalRowCount\": 1.5}]", "failedRowSamples[0].totalRowCount", "failedRowSamples[0].totalRowCount must be a whole number of rows, at least 0.")]
    [InlineData("[{\"check\": \"c\", \"columns\": [], \"rows\": [], \"totalRowCount\": -1}]", "failedRowSamples[0].totalRowCount", "failedRowSamples[0].totalRowCount must be a whole number of rows, at least 0.")]
    [InlineData("[{\"check\": \"c\", \"columns\": [], \"rows\": []}, {\"check\": \"d\", \"columns\": [], \"rows\": [], \"totalRowCount\": \"9\"}]", "failedRowSamples[1].totalRowCount", "failedRowSamples[1].totalRowCount must be a whole number of rows, at least 0.")]
    public void A_strict_read_names_the_sample_field_at_fault(string samples, string field, string message)
    {
        var e = Assert.Throws<SodaJsonException>(() => Strict(Head + samples + "}"));

        Assert.Equal((field, message), (e.Field, e.Message));
    }

    [Fact]
    public void A_strict_read_takes_null_column_names_and_a_null_total()
    {
        var r = Strict(Head + "[{\"check\": \"c\", \"columns\": [{\"name\": null, \"type\": null}], \"rows\": [[null]], \"totalRowCount\": null}]}");

        Assert.Equal(new FailedRowSample("c", [new SampleColumn(null, null)], [[null]]), Assert.Single(r.FailedRowSamples));
    }

    [Fact]
    public void A_lenient_read_takes_what_it_can_and_skips_the_rest()
    {
        var r = SodaJsonReader.Parse(Head + """
            [7, {"columns": []}, {"check": "c", "columns": [{"name": "a"}, 3], "rows": [[1, [2]], "x", [true]], "totalRowCount": 1.5},
             {"check": "d", "columns": {}, "rows": 4, "totalRowCount": 3}]}
            """);

        Assert.Equal(
            [
                new FailedRowSample("c", [new SampleColumn("a", null)], [[new IntegerValue(1), new ListValue([new IntegerValue(2)])], [new BooleanValue(true)]]),
                new FailedRowSample("d", [], [], 3),
            ],
            r.FailedRowSamples);
        Assert.Empty(SodaJsonReader.Parse(Head + "\"none\"}").FailedRowSamples);
    }

    [Theory]
    [MemberData(nameof(RecordedResults.Names), MemberType = typeof(RecordedResults))]
    public void Stripping_a_recorded_documents_push_body_gives_its_bytes_back(string name)
    {
        // Given: the file's bytes as recorded (Soda's own, or Sodalite's golden files), and samples added to them
        byte[] srf = File.ReadAllBytes(RecordedResults.All().Single(r => r.Name == name).Path);

        // When
        byte[] body = SodaPushBody.Splice(srf, [Missing, Duplicates]);

        // Then
        Assert.Equal([Missing, Duplicates], Strict(Encoding.UTF8.GetString(body)).FailedRowSamples);
        Assert.Equal(srf, SodaPushBody.Strip(body));
        Assert.Equal(srf, SodaPushBody.Strip(srf));
    }

    [Theory]
    [MemberData(nameof(RecordedResults.Names), MemberType = typeof(RecordedResults))]
    public void Stripping_the_written_push_body_gives_the_written_srf_document(string name)
    {
        var scan = SodaJsonReader.Parse(RecordedResults.Text(name)) with { FailedRowSamples = [Missing] };

        byte[] body = Utf8(SodaJsonWriter.WritePushBody(scan));

        Assert.Equal(Utf8(SodaJsonWriter.Write(scan)), SodaPushBody.Strip(body));
        Assert.Equal(body, SodaPushBody.Splice(Utf8(SodaJsonWriter.Write(scan)), [Missing]));
    }

    [Theory]
    // Last, first, in the middle, alone, with blanks and new lines, its name escaped.
    [InlineData("{\"a\": 1, \"failedRowSamples\": [[1]]}", "{\"a\": 1}")]
    [InlineData("{\"failedRowSamples\": [], \"a\": 1, \"b\": {}}", "{\"a\": 1, \"b\": {}}")]
    [InlineData("{\"a\": 1, \"failedRowSamples\": {\"x\": \"}\"}, \"b\": 2}", "{\"a\": 1, \"b\": 2}")]
    [InlineData("{\"failedRowSamples\": null}", "{}")]
    [InlineData("{ \"failedRowSamples\" : [ ] }", "{  }")]
    [InlineData("{\n  \"a\": [1, 2],\n  \"failedRowSamples\": [\n    {}\n  ]\n}\n", "{\n  \"a\": [1, 2]\n}\n")]
    [InlineData("{\n  \"failedRowSamples\": [],\n  \"a\": 1\n}", "{\n  \"a\": 1\n}")]
    [InlineData("{\"a\":1 ,\"failedRowSamples\":2,\"b\":3}", "{\"a\":1 ,\"b\":3}")]
    [InlineData("{\"a\": 1, \"failed\\u0052owSamples\": 2}", "{\"a\": 1}")]
    // Repeated, it goes every time; nested, it stays; other documents are left alone.
    [InlineData("{\"failedRowSamples\": 1, \"failedRowSamples\": 2, \"a\": 3, \"failedRowSamples\": 4}", "{\"a\": 3}")]
    [InlineData("{\"a\": {\"failedRowSamples\": 1}, \"b\": [{\"failedRowSamples\": 2}]}", "{\"a\": {\"failedRowSamples\": 1}, \"b\": [{\"failedRowSamples\": 2}]}")]
    [InlineData("[{\"failedRowSamples\": 1}]", "[{\"failedRowSamples\": 1}]")]
    [InlineData("not json, \"failedRowSamples\": 1}", "not json, \"failedRowSamples\": 1}")]
    [InlineData("", "")]
    public void Stripping_removes_the_top_level_member_wherever_it_is_and_keeps_every_other_byte(string body, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(SodaPushBody.Strip(Utf8(body))));
    }

    [Theory]
    [InlineData("{}", "{\"failedRowSamples\": [SAMPLES]}")]
    [InlineData("{ }", "{ \"failedRowSamples\": [SAMPLES]}")]
    [InlineData("{\"a\": 1}\n", "{\"a\": 1, \"failedRowSamples\": [SAMPLES]}\n")]
    [InlineData("{\n  \"a\": 1\n}", "{\n  \"a\": 1\n, \"failedRowSamples\": [SAMPLES]}")]
    [InlineData("{\"failedRowSamples\": [], \"a\": 1}", "{\"a\": 1, \"failedRowSamples\": [SAMPLES]}")]
    public void Splicing_adds_the_samples_just_before_the_closing_brace_and_stripping_undoes_it(string document, string expected)
    {
        string samples = SodaJsonWriter.WriteFailedRowSamples([Duplicates]);

        byte[] body = SodaPushBody.Splice(Utf8(document), [Duplicates]);

        Assert.Equal(expected.Replace("[SAMPLES]", samples), Encoding.UTF8.GetString(body));
        Assert.Equal(SodaPushBody.Strip(Utf8(document)), SodaPushBody.Strip(body));
    }

    [Fact]
    public void Splicing_no_samples_gives_the_document_without_the_key()
    {
        Assert.Equal("{\"a\": 1}", Encoding.UTF8.GetString(SodaPushBody.Splice(Utf8("{\"a\": 1, \"failedRowSamples\": []}"), [])));
    }

    [Fact]
    public void Splicing_into_what_is_not_a_json_object_throws()
    {
        Assert.Throws<ArgumentException>(() => SodaPushBody.Splice(Utf8("[1]"), [Missing]));
        Assert.ThrowsAny<JsonException>(() => SodaPushBody.Splice(Utf8("{\"a\": "), [Missing]));
        Assert.ThrowsAny<JsonException>(() => SodaPushBody.Splice(Utf8("{} {}"), [Missing]));
    }

    [Fact]
    public void Samples_compare_by_content()
    {
        var copy = new FailedRowSample("871f4925", [new SampleColumn("id", "integer"), new SampleColumn("email", "varchar")],
            [[new IntegerValue(1), null], [new IntegerValue(2), new TextValue("Jé")]], 12);

        Assert.Equal(Missing, copy);
        Assert.Equal(Missing.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(Missing, copy with { TotalRowCount = null });
        Assert.NotEqual(Missing, copy with { Rows = [[new IntegerValue(1), null]] });
    }
}
