using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Sodalite.Engine.DataSources.ClickHouse;

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
