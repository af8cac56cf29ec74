// One statement sent to ClickHouse; rows read from its FORMAT JSONCompact answer.
using System.Collections;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Sodalite.Engine.DataSources.ClickHouse;

public sealed class ClickHouseCommand(ClickHouseConnection connection) : DbCommand
{
    [AllowNull]
    public override string CommandText { get; set; } = "";
    public override int CommandTimeout { get; set; } = 0;
    public override CommandType CommandType { get; set; } = CommandType.Text;
    public override bool DesignTimeVisible { get; set; }
    public override UpdateRowSource UpdatedRowSource { get; set; }
    protected override DbConnection? DbConnection { get => connection; set => throw new NotSupportedException(); }
    protected override DbParameterCollection DbParameterCollection => throw new NotSupportedException("Parameters are not supported: Sodalite writes literals.");
    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel() { }
    public override void Prepare() { }
    protected override DbParameter CreateDbParameter() => throw new NotSupportedException();

    /// <summary>The statement without a trailing semicolon; FORMAT goes on a line of its own, after any trailing comment.</summary>
    private string Statement => CommandText.TrimEnd().TrimEnd(';').TrimEnd();

    public override int ExecuteNonQuery() => ExecuteNonQueryAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        using var response = await connection.SendAsync(Statement, cancellationToken);
        return 0;
    }

    public override object? ExecuteScalar()
    {
        using var reader = ExecuteReader();
        return reader.Read() ? reader.GetValue(0) : null;
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
        ExecuteDbDataReaderAsync(behavior, CancellationToken.None).GetAwaiter().GetResult();

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        using var response = await connection.SendAsync(Statement + "\nFORMAT JSONCompact", cancellationToken);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        // A statement without rows (CREATE ... AS SELECT, INSERT) answers nothing at all: no columns, no rows.
        if (body.AsSpan().Trim(" \r\n\t"u8).IsEmpty) return new ClickHouseDataReader(JsonDocument.Parse("""{"meta":[],"data":[]}"""), null);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            // An error met while rows were streaming arrives after the 200 status, at the end of the body.
            string text = System.Text.Encoding.UTF8.GetString(body);
            int at = text.LastIndexOf("Code: ", StringComparison.Ordinal);
            if (at >= 0) throw ClickHouseConnection.Error(text[at..].Trim(), 200);
            throw new ClickHouseException("ClickHouse stopped answering midway (the answer is cut short); run the query in clickhouse-client to see the server's message.", 0);
        }
        return new ClickHouseDataReader(doc, connection.ServerTimeZone);
    }
}

/// <summary>The rows of one JSONCompact answer, values typed after the column types ClickHouse names.</summary>
public sealed class ClickHouseDataReader : DbDataReader
{
    private readonly JsonDocument _doc;
    private readonly TimeZoneInfo? _serverZone;
    private readonly (string Name, string Type, string Inner)[] _columns;
    private readonly JsonElement _rows;
    private readonly int _rowCount;
    private int _row = -1;

    internal ClickHouseDataReader(JsonDocument doc, TimeZoneInfo? serverZone)
    {
        _doc = doc;
        _serverZone = serverZone;
        var root = doc.RootElement;
        _columns = [.. root.GetProperty("meta").EnumerateArray().Select(m =>
        {
            string type = m.GetProperty("type").GetString()!;
            return (m.GetProperty("name").GetString()!, type, ClickHouseTypes.Unwrap(type));
        })];
        _rows = root.GetProperty("data");
        _rowCount = _rows.GetArrayLength();
    }

    public override int FieldCount => _columns.Length;
    public override int RecordsAffected => -1;
    public override bool HasRows => _rowCount > 0;
    public override bool IsClosed => false;
    public override int Depth => 0;
    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read() => ++_row < _rowCount;
    public override Task<bool> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Read());
    public override bool NextResult() => false;

    public override string GetName(int ordinal) => _columns[ordinal].Name;
    /// <summary>ClickHouse's own type name, e.g. Nullable(Float64).</summary>
    public override string GetDataTypeName(int ordinal) => _columns[ordinal].Type;
    public override int GetOrdinal(string name) => Array.FindIndex(_columns, c => c.Name == name) is int i and >= 0 ? i : throw new IndexOutOfRangeException(name);

    public override Type GetFieldType(int ordinal) => ClickHouseTypes.ClrType(_columns[ordinal].Inner);

    private JsonElement Cell(int ordinal)
    {
        if (_row < 0 || _row >= _rowCount) throw new InvalidOperationException("No current row: call Read first.");
        return _rows[_row][ordinal];
    }

    public override bool IsDBNull(int ordinal) => GetValue(ordinal) is DBNull;

    public override object GetValue(int ordinal) => ClickHouseTypes.Read(Cell(ordinal), _columns[ordinal].Inner, _serverZone) ?? DBNull.Value;

    public override int GetValues(object[] values)
    {
        int n = Math.Min(values.Length, FieldCount);
        for (int i = 0; i < n; i++) values[i] = GetValue(i);
        return n;
    }

    public override bool GetBoolean(int ordinal) => Convert.ToBoolean(GetValue(ordinal), CultureInfo.InvariantCulture);
    public override byte GetByte(int ordinal) => Convert.ToByte(GetValue(ordinal), CultureInfo.InvariantCulture);
    public override char GetChar(int ordinal) => GetString(ordinal)[0];
    public override DateTime GetDateTime(int ordinal) => GetValue(ordinal) switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        var v => (DateTime)v,
    };
    public override decimal GetDecimal(int ordinal) => Convert.ToDecimal(GetValue(ordinal), CultureInfo.InvariantCulture);
    public override double GetDouble(int ordinal) => Convert.ToDouble(GetValue(ordinal), CultureInfo.InvariantCulture);
    public override float GetFloat(int ordinal) => Convert.ToSingle(GetValue(ordinal), CultureInfo.InvariantCulture);
    public override Guid GetGuid(int ordinal) => Guid.Parse(GetString(ordinal));
    public override short GetInt16(int ordinal) => Convert.ToInt16(GetValue(ordinal), CultureInfo.InvariantCulture);
    public override int GetInt32(int ordinal) => Convert.ToInt32(GetValue(ordinal), CultureInfo.InvariantCulture);
    public override long GetInt64(int ordinal) => Convert.ToInt64(GetValue(ordinal), CultureInfo.InvariantCulture);
    public override string GetString(int ordinal) => GetValue(ordinal) is var v and not DBNull ? Convert.ToString(v, CultureInfo.InvariantCulture)! : throw new InvalidCastException("The value is NULL.");
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    public override void Close() => _doc.Dispose();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _doc.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>ClickHouse type names → CLR values, for the types JSONCompact writes.</summary>
public static class ClickHouseTypes
{
    /// <summary>Nullable(T) and LowCardinality(T) are T to a reader (and to a schema check).</summary>
    public static string Unwrap(string type)
    {
        string t = type.Trim();
        while (true)
        {
            if (t.StartsWith("Nullable(", StringComparison.Ordinal) && t.EndsWith(')')) t = t["Nullable(".Length..^1];
            else if (t.StartsWith("LowCardinality(", StringComparison.Ordinal) && t.EndsWith(')')) t = t["LowCardinality(".Length..^1];
            else return t;
        }
    }

    private static string Base(string inner) => inner.IndexOf('(') is int i and > 0 ? inner[..i] : inner;

    public static Type ClrType(string inner) => Base(inner) switch
    {
        "Int8" or "Int16" or "Int32" or "Int64" or "UInt8" or "UInt16" or "UInt32" => typeof(long),
        "UInt64" => typeof(ulong),
        "Float32" or "Float64" => typeof(double),
        "Decimal" or "Decimal32" or "Decimal64" or "Decimal128" => typeof(decimal),
        "Date" => typeof(DateOnly),
        "DateTime" or "DateTime64" => typeof(DateTime),
        _ => typeof(string),
    };

    /// <param name="serverZone">The server's time zone, in which a DateTime without a zone of its own is shown.</param>
    public static object? Read(JsonElement cell, string inner, TimeZoneInfo? serverZone = null)
    {
        if (cell.ValueKind == JsonValueKind.Null) return null;
        string text = cell.ValueKind == JsonValueKind.String ? cell.GetString()! : cell.GetRawText();
        var inv = CultureInfo.InvariantCulture;
        switch (Base(inner))
        {
            case "Int8" or "Int16" or "Int32" or "Int64" or "UInt8" or "UInt16" or "UInt32":
                return long.Parse(text, inv);
            case "UInt64":
                return ulong.Parse(text, inv);
            case "Float32" or "Float64":
                // nan and inf are written as null (output_format_json_quote_denormals=0) or as text by newer servers.
                return double.TryParse(text, NumberStyles.Float, inv, out double d) && double.IsFinite(d) ? d : null;
            case "Decimal" or "Decimal32" or "Decimal64" or "Decimal128":
                return decimal.Parse(text, NumberStyles.Float, inv);
            case "Date":
                return DateOnly.ParseExact(text, "yyyy-MM-dd", inv);
            case "DateTime" or "DateTime64":
                {
                    var local = DateTime.Parse(text, inv, DateTimeStyles.AllowWhiteSpaces);
                    // DateTime('Europe/Paris') is an instant shown in that zone: as UTC it is the instant, as a timestamptz is.
                    // A DateTime without a zone is an instant too, shown in the server's zone: it becomes the UTC wall-clock time
                    // without a zone (a timestamp, which Sodalite reads as UTC), so results do not depend on the server's zone.
                    local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
                    if (TimeZoneOf(inner) is { } zone) return TimeZoneInfo.ConvertTimeToUtc(local, zone);
                    return serverZone is null ? local : DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(local, serverZone), DateTimeKind.Unspecified);
                }
            default:
                return cell.ValueKind == JsonValueKind.String ? text : cell.GetRawText();
        }
    }

    /// <summary>The zone of DateTime('Zone') or DateTime64(3, 'Zone'); null without one.</summary>
    public static TimeZoneInfo? TimeZoneOf(string inner)
    {
        int q = inner.IndexOf('\'');
        if (q < 0) return null;
        string id = inner[(q + 1)..inner.LastIndexOf('\'')];
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
