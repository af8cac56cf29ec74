// Writes many rows of the hub's entities in a few statements, bypassing EF Core's change tracking: the ingest hot path (issue 18)
// stores a scan's results, metric values, scores, issue events and issue updates in one round trip instead of one statement per
// row. Tables, columns and value conversions come from the context's model, so each engine gets what SaveChanges would write.
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Sodalite.Hub.Ingestion;

namespace Sodalite.Hub.Data;

/// <summary>
/// Multi-row <c>INSERT</c> and <c>UPDATE ... FROM (VALUES ...)</c> statements for the entities of a <see cref="HubDb"/>, run on its
/// connection inside its current transaction. Statements queued with <see cref="Insert{T}"/> and <see cref="Update{T}"/> go to the
/// database together in <see cref="FlushAsync"/> (one command: one round trip on PostgreSQL); <see cref="InsertReturningAsync{T}"/>
/// runs at once. Every value passes <see cref="HubDb.Guarded"/> first, as in SaveChanges, then the property's value converter (SQLite
/// keeps instants as UTC ticks). Rows are split so that no statement binds more than <see cref="MaxParametersPerStatement"/> values.
/// The entities are not tracked: the caller keeps the context's tracked state apart.
/// </summary>
/// <param name="db">The context whose model, connection and transaction are used.</param>
public sealed class BulkWriter(HubDb db)
{
    /// <summary>The most values one statement binds: below SQLite's 32,766 and PostgreSQL's 65,535.</summary>
    public const int MaxParametersPerStatement = 30_000;

    private readonly StringBuilder _sql = new();
    private readonly List<(IProperty Property, object? Value)> _values = [];
    private readonly ISqlGenerationHelper _sqlHelper = db.GetService<ISqlGenerationHelper>();

    /// <summary>Statements queued and not yet flushed.</summary>
    public int Pending { get; private set; }

    /// <summary>Queues the insert of <paramref name="rows"/> (every mapped column but a generated key).</summary>
    /// <exception cref="StoredValueException">A value cannot be stored (<see cref="HubDb.Guarded"/>).</exception>
    public void Insert<T>(IReadOnlyCollection<T> rows) where T : class
    {
        if (rows.Count == 0) return;
        var (table, columns) = Columns<T>();
        Atomically(() =>
        {
            foreach (var chunk in rows.Chunk(Math.Max(1, MaxParametersPerStatement / columns.Count)))
            {
                AppendInsert(table, columns, chunk);
                _sql.Append(";\n");
                Pending++;
            }
        });
    }

    /// <summary>Queues what <paramref name="append"/> appends, or nothing at all when it throws (a value refused halfway).</summary>
    private void Atomically(Action append)
    {
        int length = _sql.Length, values = _values.Count, pending = Pending;
        try
        {
            append();
        }
        catch
        {
            _sql.Length = length;
            _values.RemoveRange(values, _values.Count - values);
            Pending = pending;
            throw;
        }
    }

    /// <summary>
    /// Queues an update of <paramref name="properties"/> of <paramref name="rows"/>, found by their key (<c>Id</c>), in one statement
    /// per chunk: <c>WITH v AS (VALUES ...) UPDATE table SET ... FROM v WHERE table.Id = v.Id</c>.
    /// </summary>
    /// <exception cref="StoredValueException">A value cannot be stored (<see cref="HubDb.Guarded"/>).</exception>
    public void Update<T>(IReadOnlyCollection<T> rows, params string[] properties) where T : class
    {
        if (rows.Count == 0) return;
        var entity = EntityType<T>();
        string table = Quote(entity.GetTableName()!);
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var columns = new List<IProperty> { key };
        columns.AddRange(properties.Select(p => entity.FindProperty(p) ?? throw new ArgumentException($"{typeof(T).Name} has no mapped property {p}.", nameof(properties))));
        Atomically(() =>
        {
            foreach (var chunk in rows.Chunk(Math.Max(1, MaxParametersPerStatement / columns.Count)))
            {
                _sql.Append("WITH v (").AppendJoin(", ", columns.Select(c => Quote(c.GetColumnName()))).Append(") AS (");
                AppendValues(columns, chunk);
                _sql.Append(")\nUPDATE ").Append(table).Append(" SET ")
                    .AppendJoin(", ", columns.Skip(1).Select(c => $"{Quote(c.GetColumnName())} = v.{Quote(c.GetColumnName())}"))
                    .Append(" FROM v WHERE ").Append(table).Append('.').Append(Quote(key.GetColumnName())).Append(" = v.").Append(Quote(key.GetColumnName())).Append(";\n");
                Pending++;
            }
        });
    }

    /// <summary>Queues <c>DELETE FROM table WHERE Id IN (...)</c> for the keys <paramref name="ids"/>.</summary>
    public void Delete<T>(IReadOnlyCollection<int> ids) where T : class
    {
        if (ids.Count == 0) return;
        var entity = EntityType<T>();
        var key = entity.FindPrimaryKey()!.Properties.Single();
        foreach (var chunk in ids.Chunk(MaxParametersPerStatement))
        {
            _sql.Append("DELETE FROM ").Append(Quote(entity.GetTableName()!)).Append(" WHERE ").Append(Quote(key.GetColumnName())).Append(" IN (");
            for (int i = 0; i < chunk.Length; i++)
            {
                if (i > 0) _sql.Append(", ");
                _sql.Append(Parameter(key, chunk[i]));
            }
            _sql.Append(");\n");
            Pending++;
        }
    }

    /// <summary>Runs the queued statements as one command in the context's current transaction; nothing when none is queued.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (Pending == 0) return;
        await using (var command = await CommandAsync(ct))
            await command.ExecuteNonQueryAsync(ct);
        _sql.Clear();
        _values.Clear();
        Pending = 0;
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> at once (after flushing what is queued) and sets each row's generated key (<c>Id</c>); the keys
    /// come back with <paramref name="match"/>, a mapped property unique among the rows, so the order the database returns them in
    /// does not matter.
    /// </summary>
    /// <exception cref="StoredValueException">A value cannot be stored (<see cref="HubDb.Guarded"/>).</exception>
    public async Task InsertReturningAsync<T>(IReadOnlyCollection<T> rows, string match, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        await FlushAsync(ct);
        var entity = EntityType<T>();
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var by = entity.FindProperty(match) ?? throw new ArgumentException($"{typeof(T).Name} has no mapped property {match}.", nameof(match));
        var (table, columns) = Columns<T>();
        try
        {
            foreach (var chunk in rows.Chunk(Math.Max(1, MaxParametersPerStatement / columns.Count)))
            {
                var byValue = chunk.ToDictionary(r => by.PropertyInfo!.GetValue(r)!);
                AppendInsert(table, columns, chunk);
                _sql.Append(" RETURNING ").Append(Quote(key.GetColumnName())).Append(", ").Append(Quote(by.GetColumnName()));
                await using (var command = await CommandAsync(ct))
                await using (var reader = await command.ExecuteReaderAsync(ct))
                    while (await reader.ReadAsync(ct))
                    {
                        object matched = Convert.ChangeType(reader.GetValue(1), by.ClrType, System.Globalization.CultureInfo.InvariantCulture);
                        key.PropertyInfo!.SetValue(byValue[matched], Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
                    }
                _sql.Clear();
                _values.Clear();
            }
        }
        catch
        {
            // Nothing half-built stays queued.
            _sql.Clear();
            _values.Clear();
            throw;
        }
    }

    private void AppendInsert<T>(string table, IReadOnlyList<IProperty> columns, IReadOnlyCollection<T> rows)
    {
        _sql.Append("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns.Select(c => Quote(c.GetColumnName()))).Append(") ");
        AppendValues(columns, rows);
    }

    private void AppendValues<T>(IReadOnlyList<IProperty> columns, IReadOnlyCollection<T> rows)
    {
        _sql.Append("VALUES ");
        bool firstRow = true;
        foreach (var row in rows)
        {
            _sql.Append(firstRow ? "(" : ", (");
            firstRow = false;
            for (int i = 0; i < columns.Count; i++)
            {
                if (i > 0) _sql.Append(", ");
                var p = columns[i];
                _sql.Append(Parameter(p, HubDb.Guarded(typeof(T), p.Name, p.PropertyInfo!.GetValue(row))));
            }
            _sql.Append(')');
        }
    }

    private string Parameter(IProperty property, object? value)
    {
        _values.Add((property, value));
        return "@b" + (_values.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<DbCommand> CommandAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = _sql.ToString();
        for (int i = 0; i < _values.Count; i++)
        {
            var (property, value) = _values[i];
            command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, "@b" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), value, property.IsNullable));
        }
        return command;
    }

    private IEntityType EntityType<T>() => db.Model.FindEntityType(typeof(T)) ?? throw new ArgumentException($"{typeof(T).Name} is not an entity of the hub.");

    private (string Table, List<IProperty> Columns) Columns<T>()
    {
        var entity = EntityType<T>();
        var columns = entity.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd || !p.IsPrimaryKey()).ToList();
        if (columns.FirstOrDefault(p => p.PropertyInfo is null) is { } shadow)
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property: the bulk writer reads values from CLR properties only.");
        return (Quote(entity.GetTableName()!), columns);
    }

    private string Quote(string identifier) => _sqlHelper.DelimitIdentifier(identifier);
}
