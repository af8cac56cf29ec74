// How a database value becomes a JSON value in a failed-row sample: the .NET values drivers give, and DuckDB's own types
// read through a real connection.
using System.Numerics;
using System.Text;
using Sodalite.Engine.Execution;
using Sodalite.Results.Model;

namespace Sodalite.Engine.Tests.Execution;

public class SampleValuesTests
{
    public static TheoryData<object?, ResultValue?> Values() => new()
    {
        { null, null },
        { DBNull.Value, null },
        { (short)-3, new IntegerValue(-3) },
        { 7, new IntegerValue(7) },
        { long.MaxValue, new IntegerValue(long.MaxValue) },
        { ulong.MaxValue, new IntegerValue(ulong.MaxValue) },
        { Int128.MaxValue, new IntegerValue((BigInteger)Int128.MaxValue) },
        { 1.1f, new FloatValue(1.1) },
        { 2.5, new FloatValue(2.5) },
        { double.NaN, new TextValue("NaN") },
        { float.NegativeInfinity, new TextValue("-Infinity") },
        { 12.50m, new FloatValue(12.5) },
        { 120.00m, new FloatValue(120.0) },
        { 12345678901234567890123m, new IntegerValue(BigInteger.Parse("12345678901234567890123")) },
        { true, new BooleanValue(true) },
        { "text", new TextValue("text") },
        { 'c', new TextValue("c") },
        { new byte[] { 0xAA, 0xBB }, new TextValue("qrs=") },
        { new DateOnly(2024, 1, 31), new TextValue("2024-01-31") },
        { new TimeOnly(8, 30, 0, 500), new TextValue("08:30:00.5") },
        { new DateTime(2024, 1, 31, 12, 0, 0, DateTimeKind.Unspecified), new TextValue("2024-01-31T12:00:00") },
        { new DateTime(2024, 1, 31, 12, 0, 0, 250, DateTimeKind.Utc), new TextValue("2024-01-31T12:00:00.25+00:00") },
        { new DateTimeOffset(2024, 1, 31, 12, 0, 0, TimeSpan.FromHours(2)), new TextValue("2024-01-31T12:00:00+02:00") },
        { new TimeSpan(1, 2, 3, 4), new TextValue("1.02:03:04") },
        { new Guid("6f9619ff-8b86-d011-b42d-00c04fc964ff"), new TextValue("6f9619ff-8b86-d011-b42d-00c04fc964ff") },
        { new List<int?> { 1, null, 3 }, new TextValue("[1, null, 3]") },
        { new int[] { 4, 5 }, new TextValue("[4, 5]") },
        { new Dictionary<string, object?> { ["a"] = 1, ["b"] = "x" }, new TextValue("{\"a\": 1, \"b\": \"x\"}") },
        { new System.Net.IPAddress([127, 0, 0, 1]), new TextValue("127.0.0.1") },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_database_value_becomes_a_json_scalar(object? value, ResultValue? expected)
    {
        Assert.Equal(expected, SampleValues.From(value));
    }

    [Fact]
    public void A_date_typed_column_given_as_a_datetime_is_a_date_and_a_time_of_day_given_as_a_timespan_is_a_time()
    {
        Assert.Equal(new TextValue("2024-01-31"), SampleValues.From(new DateTime(2024, 1, 31), "date"));
        Assert.Equal(new TextValue("08:30:00"), SampleValues.From(new TimeSpan(8, 30, 0), "time"));
        Assert.Equal(new TextValue("08:30:00"), SampleValues.From(new TimeSpan(8, 30, 0), "interval"));
    }

    [Fact]
    public void Texts_keep_their_first_1000_characters_without_splitting_a_surrogate_pair()
    {
        Assert.Equal(new TextValue(new string('a', 1000)), SampleValues.From(new string('a', 5000)));
        string emoji = new string('a', 999) + "😀" + "b";
        Assert.Equal(new TextValue(new string('a', 999)), SampleValues.From(emoji));
        Assert.Equal(1000, SampleValues.From(new string('x', 1000))!.AsText()!.Length);
    }

    [Fact]
    public void Bytes_keep_the_base64_of_their_first_750_bytes_which_is_1000_characters()
    {
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();

        string expected = Convert.ToBase64String(bytes, 0, 750);
        Assert.Equal(1000, expected.Length);
        Assert.Equal(new TextValue(expected), SampleValues.From(bytes));
        Assert.Equal(new TextValue(expected), SampleValues.From(new MemoryStream(bytes)));
    }

    [Fact]
    public void A_long_list_is_cut_as_a_text()
    {
        var text = SampleValues.From(Enumerable.Range(0, 10_000).ToList())!.AsText()!;

        Assert.Equal(1000, text.Length);
        Assert.StartsWith("[0, 1, 2, ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duckdb_types_read_through_a_real_connection_become_json_values()
    {
        // Given
        await using var c = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT 1::TINYINT, 2::SMALLINT, 3::UBIGINT, 170141183460469231731687303715884105727::HUGEINT, 1.5::REAL, 2.25::DECIMAL(5,2),
                   12::DECIMAL(20,0), 'x'::VARCHAR, DATE '2024-01-31', TIME '08:30:00.5', TIMESTAMP '2024-01-31 12:00:00.123456',
                   '\xAA\xBB'::BLOB, '6f9619ff-8b86-d011-b42d-00c04fc964ff'::UUID, [1, 2, 3], {'a': 1, 'b': 'x'}, NULL::INTEGER
            """;
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        // When
        var values = Enumerable.Range(0, reader.FieldCount)
            .Select(i => reader.IsDBNull(i) ? null : SampleValues.From(reader.GetValue(i), reader.GetDataTypeName(i).ToLowerInvariant())).ToList();

        // Then
        Assert.Equal<ResultValue?>(
        [
            new IntegerValue(1), new IntegerValue(2), new IntegerValue(3), new IntegerValue(BigInteger.Parse("170141183460469231731687303715884105727")),
            new FloatValue(1.5), new FloatValue(2.25), new IntegerValue(12), new TextValue("x"), new TextValue("2024-01-31"), new TextValue("08:30:00.5"),
            new TextValue("2024-01-31T12:00:00.123456"), new TextValue(Convert.ToBase64String(Encoding.Latin1.GetBytes("\u00AA\u00BB"))),
            new TextValue("6f9619ff-8b86-d011-b42d-00c04fc964ff"), new TextValue("[1, 2, 3]"), new TextValue("{\"a\": 1, \"b\": \"x\"}"), null,
        ], values);
    }
}
