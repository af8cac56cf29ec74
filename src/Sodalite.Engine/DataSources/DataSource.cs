// An open data source: its dialect and a way to open connections to it.
using System.Data.Common;
using DuckDB.NET.Data;
using Npgsql;
using Sodalite.Engine.Dialects;

namespace Sodalite.Engine.DataSources;

public sealed class DataSource : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly Action? _cleanup;
    private readonly DbConnection? _shared;

    private DataSource(string name, SqlDialect dialect, string? schema, Func<CancellationToken, Task<DbConnection>> open, DbConnection? shared, Action? cleanup)
    {
        Name = name;
        Dialect = dialect;
        Schema = schema;
        _open = open;
        _shared = shared;
        _cleanup = cleanup;
    }

    public string Name { get; }
    public SqlDialect Dialect { get; }
    public string? Schema { get; }

    /// <summary>True when queries may run at the same time on separate connections.</summary>
    public bool SupportsConcurrency => _shared is null;

    public string QualifiedTable(string table) => Dialect.QualifiedTable(table, Schema);

    /// <summary>A connection for one query; dispose it unless <see cref="IsShared"/>.</summary>
    public Task<DbConnection> OpenAsync(CancellationToken ct) => _shared is not null ? Task.FromResult(_shared) : _open(ct);

    public bool IsShared(DbConnection c) => ReferenceEquals(c, _shared);

    public static async Task<DataSource> ConnectAsync(DataSourceConfig config, CancellationToken ct)
    {
        switch (config.Type)
        {
            case "postgres" or "postgresql":
            {
                var b = new NpgsqlConnectionStringBuilder
                {
                    Host = config.Get("host") ?? "localhost",
                    Port = int.TryParse(config.Get("port"), out int port) ? port : 5432,
                    Username = config.Get("username") ?? config.Get("user"),
                    Password = config.Get("password"),
                    Database = config.Get("database") ?? "postgres",
                    Timeout = int.TryParse(config.Get("connection_timeout"), out int t) ? t : 15,
                    SslMode = Enum.TryParse<SslMode>(config.Get("sslmode") ?? "prefer", true, out var ssl) ? ssl : SslMode.Prefer,
                    Pooling = true,
                    MaxPoolSize = 8,
                };
                string? schema = config.Get("schema");
                if (schema is not null) b.SearchPath = schema;
                var ds = NpgsqlDataSource.Create(b.ConnectionString);
                // Open once now so an unreachable server is reported before any query is planned.
                await using (var probe = await ds.OpenConnectionAsync(ct)) { }
                return new DataSource(config.Name, new PostgresDialect(), schema,
                    async c => await ds.OpenConnectionAsync(c), null, () => ds.Dispose());
            }
            case "duckdb":
            {
                string path = config.Get("path") ?? config.Get("database") ?? ":memory:";
                string ext = Path.GetExtension(path).ToLowerInvariant();
                bool isFile = ext is ".csv" or ".parquet" or ".json" or ".tsv" or ".ndjson" or ".jsonl";
                string? tempDb = null;
                string connString;
                if (isFile)
                {
                    if (!File.Exists(path)) throw new FileNotFoundException($"Data file not found: {path}", path);
                    // A large text file is loaded into an on-disk temporary database so memory stays bounded.
                    if (ext != ".parquet" && new FileInfo(path).Length > 256L * 1024 * 1024)
                    {
                        tempDb = Path.Combine(Path.GetTempPath(), $"sodalite-{Guid.NewGuid():N}.duckdb");
                        connString = $"Data Source={tempDb}";
                    }
                    else connString = "Data Source=:memory:";
                }
                else
                {
                    if (path != ":memory:" && !File.Exists(path)) throw new FileNotFoundException($"DuckDB database not found: {path}", path);
                    connString = $"Data Source={path}" + (config.Get("read_only") is "true" or "True" ? ";ACCESS_MODE=READ_ONLY" : "");
                }
                var conn = new DuckDBConnection(connString);
                await conn.OpenAsync(ct);
                if (isFile)
                {
                    string table = Path.GetFileNameWithoutExtension(path);
                    string lit = path.Replace("'", "''");
                    string source = ext switch
                    {
                        ".parquet" => $"read_parquet('{lit}')",
                        ".json" or ".ndjson" or ".jsonl" => $"read_json_auto('{lit}')",
                        _ => $"read_csv_auto('{lit}')",
                    };
                    // Parquet is read in place; text formats are parsed once into a table.
                    string ddl = ext == ".parquet"
                        ? $"CREATE VIEW \"{table}\" AS SELECT * FROM {source}"
                        : $"CREATE TABLE \"{table}\" AS SELECT * FROM {source}";
                    await using var cmd = conn.CreateCommand();
                    cmd.CommandText = ddl;
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                return new DataSource(config.Name, new DuckDbDialect(), config.Get("schema"), _ => Task.FromResult<DbConnection>(conn), conn, () =>
                {
                    conn.Dispose();
                    if (tempDb is not null)
                    {
                        File.Delete(tempDb);
                        if (File.Exists(tempDb + ".wal")) File.Delete(tempDb + ".wal");
                    }
                });
            }
            default:
                throw new NotSupportedException($"Data source type \"{config.Type}\" is not supported; use duckdb or postgres.");
        }
    }

    public ValueTask DisposeAsync()
    {
        _cleanup?.Invoke();
        return ValueTask.CompletedTask;
    }
}
