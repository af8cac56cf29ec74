// One statement sent to ClickHouse; rows read from its FORMAT JSONCompact answer.
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
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
            throw new ClickHouseException("ClickHouse stopped answering midway (the answer is cut short); run the query in clickhouse-client to see the server's message.", 0, transient: true);
        }
        return new ClickHouseDataReader(doc, connection.ServerTimeZone);
    }
}
