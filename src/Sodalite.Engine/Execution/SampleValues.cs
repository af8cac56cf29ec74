// The values of a failed-rows sample as the results model keeps them: every database value becomes a JSON scalar
// (an integer, a float, a boolean, a text, or null), and no text is longer than MaxTextLength, so the rows a scan keeps stay
// bounded by the samples limit times the columns.
using System.Collections;
using System.Globalization;
using System.Numerics;
using Sodalite.Results.Model;
using Sodalite.Results.Soda;

namespace Sodalite.Engine.Execution;

public static class SampleValues
{
    /// <summary>The longest text a sample keeps: longer texts keep their first 1,000 characters (a surrogate pair is not split).</summary>
    public const int MaxTextLength = 1000;

    /// <summary>
    /// A database value as a sample keeps it: null or <see cref="DBNull"/> → null; integers of any width → <see cref="IntegerValue"/>;
    /// float and double → <see cref="FloatValue"/> (a float as its shortest text reads, 1.1f → 1.1; NaN and infinities → their text
    /// "NaN", "Infinity", "-Infinity"); a decimal → <see cref="IntegerValue"/> when it has no decimal places (scale 0: NUMERIC(20,0),
    /// or a whole value of an unconstrained NUMERIC; exact at any size), else <see cref="FloatValue"/> (rounded to a double); bool →
    /// <see cref="BooleanValue"/>; text and char → <see cref="TextValue"/>; a date → "2024-01-31"; a timestamp → ISO 8601
    /// "2024-01-31T12:00:00.5" (fraction only when there is one), with "+00:00" when it is UTC and its offset when it has one; a
    /// time of day → "12:00:00.5"; a DateTime that <paramref name="sqlType"/> says is a date ("date") → the date; a TimeSpan that
    /// it says is a time of day ("time") → the time, else its invariant text ("1.02:03:04"); bytes (byte[], a stream) → base64;
    /// a list or map (DuckDB's LIST, STRUCT, MAP; PostgreSQL arrays) → its items as JSON text; anything else → its invariant
    /// ToString text. Every text is capped at <see cref="MaxTextLength"/> characters.
    /// </summary>
    /// <param name="value">What the data reader gave (<c>GetValue</c>).</param>
    /// <param name="sqlType">The column's type name as the sample lists it (lowercase), when known.</param>
    public static ResultValue? From(object? value, string? sqlType = null) => value switch
    {
        null or DBNull => null,
        DateTime d when sqlType == "date" && d.TimeOfDay == TimeSpan.Zero => Text(DateOnly.FromDateTime(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeSpan t when sqlType == "time" && t >= TimeSpan.Zero && t < TimeSpan.FromDays(1) => Text(TimeOnly.FromTimeSpan(t).ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        Stream s => Text(Base64(s)),
        _ => Scalar(value) ?? Text(Nested(value)),
    };

    /// <summary>The JSON scalar of a value, or null when it is a list or a map.</summary>
    private static ResultValue? Scalar(object value) => value switch
    {
        bool b => new BooleanValue(b),
        sbyte or byte or short or ushort or int or uint or long => new IntegerValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong u => new IntegerValue(u),
        BigInteger i => new IntegerValue(i),
        Int128 i => new IntegerValue((BigInteger)i),
        UInt128 u => new IntegerValue((BigInteger)u),
        double d => Float(d),
        float f => Float(double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
        Half h => Float(double.Parse(h.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
        decimal m => m.Scale == 0 ? new IntegerValue(new BigInteger(m)) : new FloatValue((double)m),
        string s => Text(s),
        char c => Text(c.ToString()),
        char[] chars => Text(new string(chars, 0, Math.Min(chars.Length, MaxTextLength + 1))),
        byte[] bytes => Text(Convert.ToBase64String(bytes, 0, Math.Min(bytes.Length, Base64Bytes))),
        ReadOnlyMemory<byte> bytes => Text(Convert.ToBase64String(bytes.Span[..Math.Min(bytes.Length, Base64Bytes)])),
        Memory<byte> bytes => Text(Convert.ToBase64String(bytes.Span[..Math.Min(bytes.Length, Base64Bytes)])),
        DateOnly d => Text(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly t => Text(t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        DateTime d => Text(Timestamp(d)),
        DateTimeOffset o => Text(o.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        TimeSpan t => Text(t.ToString("c", CultureInfo.InvariantCulture)),
        IDictionary or IEnumerable => null,
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    // 750 bytes make exactly 1,000 base64 characters.
    private const int Base64Bytes = MaxTextLength / 4 * 3;

    private static ResultValue Float(double d) => double.IsFinite(d) ? new FloatValue(d)
        : new TextValue(double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");

    private static string Timestamp(DateTime d) => d.Kind switch
    {
        DateTimeKind.Utc => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + "+00:00",
        DateTimeKind.Local => new DateTimeOffset(d).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        _ => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
    };

    private static string Base64(Stream s)
    {
        var buffer = new byte[Base64Bytes];
        int read = 0, n;
        while (read < buffer.Length && (n = s.Read(buffer, read, buffer.Length - read)) > 0) read += n;
        return Convert.ToBase64String(buffer, 0, read);
    }

    /// <summary>A list or map as JSON text: <c>[1, 2]</c>, <c>{"a": 1}</c>, its items as <see cref="From"/> gives them.</summary>
    private static string Nested(object value) => SodaJsonWriter.Write(NestedValue(value));

    private static ResultValue? NestedValue(object? value) => value switch
    {
        null or DBNull => null,
        IDictionary map => new ObjectValue([.. map.Keys.Cast<object>().Select(k =>
            KeyValuePair.Create(Convert.ToString(k, CultureInfo.InvariantCulture) ?? "", NestedValue(map[k])))]),
        string or char[] or byte[] => From(value),
        IEnumerable items => new ListValue([.. items.Cast<object?>().Take(MaxTextLength).Select(NestedValue)]),
        _ => From(value),
    };

    private static TextValue Text(string s)
    {
        if (s.Length <= MaxTextLength) return new TextValue(s);
        int end = char.IsHighSurrogate(s[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength;
        return new TextValue(s[..end]);
    }
}
