// An open data source: its dialect and the scan's session on it.
using System.Collections.Concurrent;
using System.Data.Common;
using DuckDB.NET.Data;
using Npgsql;
using Sodalite.Engine.Dialects;

namespace Sodalite.Engine.DataSources;

public sealed class DataSource : IAsyncDisposable
{
    private readonly Action? _cleanup;

    private readonly Func<int, CancellationToken, Task>? _prepare;

    /// <summary>The engine's mapping of its driver's errors (PostgresErrors, MySqlErrors, DuckDbErrors; ClickHouse's client raises them mapped).</summary>
    private readonly Func<DbException, DataSourceException> _classify;

    /// <summary>Tables' columns read from the catalog during this scan (one data source serves one scan), by the name asked for.</summary>
    private readonly ConcurrentDictionary<string, IReadOnlyList<(string Name, string Type)>> _columns = new(StringComparer.Ordinal);

    /// <summary>
    /// A CSV/JSON file read by at most this many full passes is queried in place; above it, it is parsed once
    /// into a table. Measured on 10M rows (bench/): DuckDB parses the 750 MB CSV in ~2.3 s per pass, while
    /// loading it costs 3.3-8.4 s (in memory or on disk), so loading only pays from the fourth pass on.
    /// </summary>
    public const int TextFileInPlacePasses = 3;

    /// <summary>Text files above this size are loaded under <see cref="MemoryLimit"/>, spilling to disk beyond it.</summary>
    public const long LargeTextFileBytes = 256L * 1024 * 1024;

    public const string MemoryLimit = "1GB";

    /// <param name="cleanup">Releases what the session leaves behind (a connection pool, a spill folder) after it is closed.</param>
    private DataSource(string name, SqlDialect dialect, string? schema, DbConnection session, Func<int, CancellationToken, Task>? prepare, Action? cleanup,
        Func<DbException, DataSourceException> classify)
    {
        _prepare = prepare;
        _classify = classify;
        Name = name;
        Dialect = dialect;
        Schema = schema;
        Session = session;
        _cleanup = cleanup;
    }

    public string Name { get; }
    public SqlDialect Dialect { get; }
    public string? Schema { get; }

    public string QualifiedTable(string table) => Dialect.QualifiedTable(table, Schema);

    /// <summary>
    /// The scan's one connection: its queries run one after the other on it, and a temporary table (kept duplicate keys) lasts
    /// from the query that makes it to the sample that reads it. Owned by the data source.
    /// </summary>
    public DbConnection Session { get; }

    /// <summary>
    /// Runs one statement on the session and reads its result. A database error, met running the statement or reading its rows,
    /// propagates as a <see cref="DataSourceException"/>: the engine's code, whether it is transient, and what went wrong.
    /// </summary>
    public async Task<T> ReadAsync<T>(string sql, Func<DbDataReader, Task<T>> read, CancellationToken ct)
    {
        try
        {
            await using var cmd = Session.CreateCommand();
            cmd.CommandText = sql;
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            return await read(reader);
        }
        catch (DbException e) when (e is not DataSourceException)
        {
            throw _classify(e);
        }
    }

    /// <summary>A table's columns (name, type) from a catalog query's rows.</summary>
    public static async Task<List<(string Name, string Type)>> ReadColumnsAsync(DbDataReader reader)
    {
        var columns = new List<(string, string)>();
        while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    /// <summary>
    /// The table's columns in catalog order (the engine's catalog, as the dialect reads it); empty when the table is unknown, or when
    /// the catalog could not be read (<see cref="TryColumnsAsync"/> tells the two apart). Never throws a database error.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, string Type)>> ColumnsAsync(string table, CancellationToken ct) =>
        await TryColumnsAsync(table, ct) ?? [];

    /// <summary>
    /// The table's columns in catalog order, empty when the table is unknown; null when the catalog could not be read (that is not
    /// remembered: a later call asks again). One catalog query per table and scan: what it read is kept for the rest of the scan
    /// (a table is looked up by the name given, as the dialect's catalog query matches it).
    /// </summary>
    public async Task<IReadOnlyList<(string Name, string Type)>?> TryColumnsAsync(string table, CancellationToken ct)
    {
        if (_columns.TryGetValue(table, out var known)) return known;
        try
        {
            var columns = await ReadAsync(Dialect.SchemaSql(table, Schema), ReadColumnsAsync, ct);
            return _columns.GetOrAdd(table, columns.AsReadOnly());
        }
        catch (DataSourceException)
        {
            return null;
        }
    }

    /// <summary>
    /// Readies the data for a plan that reads it in <paramref name="passes"/> full passes (loads a text file when that pays). A
    /// database error propagates as a <see cref="DataSourceException"/> (a file that does not parse stays queried in place).
    /// </summary>
    public async Task PrepareAsync(int passes, CancellationToken ct)
    {
        if (_prepare is null) return;
        try
        {
            await _prepare(passes, ct);
        }
        catch (DbException e) when (e is not DataSourceException)
        {
            throw _classify(e);
        }
        // A loaded file is a table now where it was a view: its columns are read again (the same, by their names and types).
        _columns.Clear();
    }

    private static async Task ExecuteAsync(DbConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<DataSource> ConnectAsync(DataSourceConfig config, CancellationToken ct)
    {
        switch (config.Type)
        {
            case "postgres" or "postgresql":
                {
                    var b = new NpgsqlConnectionStringBuilder
                    {
                        Host = config.Get("host") ?? "localhost",
                        Port = config.GetInt("port", 5432),
                        Username = config.Get("username") ?? config.Get("user"),
                        Password = config.Get("password"),
                        Database = config.Get("database") ?? "postgres",
                        Timeout = config.GetInt("connection_timeout", 15),
                        // A scan's aggregate over a large table takes what it takes (Npgsql stops a command after 30 s by default);
                        // query_timeout (seconds) bounds it when set.
                        CommandTimeout = config.GetInt("query_timeout", 0),
                        SslMode = config.Get("sslmode") switch
                        {
                            "disable" => SslMode.Disable,
                            "allow" => SslMode.Allow,
                            "require" => SslMode.Require,
                            "verify-ca" => SslMode.VerifyCA,
                            "verify-full" => SslMode.VerifyFull,
                            null or "prefer" => SslMode.Prefer,
                            var other => throw new FormatException($"sslmode \"{other}\" is not one of {string.Join(", ", DataSourceSchema.SslModes)}."),
                        },
                        Pooling = true,
                        MaxPoolSize = 8,
                    };
                    string? schema = config.Get("schema");
                    if (schema is not null) b.SearchPath = schema;
                    var ds = NpgsqlDataSource.Create(b.ConnectionString);
                    // One session for the scan, opened now so an unreachable server is reported before any query is planned: its
                    // queries run one after the other, and a duplicate check's kept keys (a temporary table) last until the end.
                    NpgsqlConnection session;
                    try
                    {
                        session = await ds.OpenConnectionAsync(ct);
                    }
                    catch
                    {
                        ds.Dispose();
                        throw;
                    }
                    return new DataSource(config.Name, new PostgresDialect(), schema, session, null, ds.Dispose, Postgres.PostgresErrors.Classify);
                }
            case "mysql" or "mariadb":
                {
                    var b = new MySqlConnector.MySqlConnectionStringBuilder
                    {
                        Server = config.Get("host") ?? "localhost",
                        Port = (uint)config.GetInt("port", 3306),
                        UserID = config.Get("username") ?? config.Get("user"),
                        Password = config.Get("password"),
                        Database = config.Get("database") ?? "",
                        ConnectionTimeout = (uint)config.GetInt("connection_timeout", 15),
                        DefaultCommandTimeout = (uint)config.GetInt("query_timeout", 0),
                        Pooling = true,
                        MaximumPoolSize = 8,
                    };
                    var mysql = new MySqlConnector.MySqlDataSource(b.ConnectionString);
                    // One session for the scan, opened now so an unreachable server is reported before any query is planned: its
                    // queries run one after the other, and a duplicate check's kept keys (a temporary table) last until the end.
                    DbConnection session;
                    try
                    {
                        session = await mysql.OpenConnectionAsync(ct);
                        // Standard quoting and backslashes: "col" is an identifier and a regex's \d stays \d.
                        await ExecuteAsync(session, "SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES,NO_BACKSLASH_ESCAPES,PIPES_AS_CONCAT')", ct);
                    }
                    catch
                    {
                        mysql.Dispose();
                        throw;
                    }
                    return new DataSource(config.Name, new MySqlDialect(), null, session, null, mysql.Dispose, MySql.MySqlErrors.Classify);
                }
            case "clickhouse":
                {
                    var session = await ClickHouse.ClickHouseConnection.OpenSessionAsync(config, ct);
                    // Tables are qualified with the configured database: 18.16 resolves CREATE TEMPORARY TABLE ... AS SELECT's tables
                    // in the server's default database, whatever the request's database is.
                    return new DataSource(config.Name, new ClickHouseDialect(), config.Get("database") is { Length: > 0 } database ? database : null,
                        session, null, null, DataSourceException.Unclassified);
                }
            case "duckdb":
                {
                    string path = config.Get("path") ?? config.Get("database") ?? ":memory:";
                    string ext = Path.GetExtension(path).ToLowerInvariant();
                    bool isFile = ext is ".csv" or ".parquet" or ".json" or ".tsv" or ".ndjson" or ".jsonl";
                    string? spill = null;
                    string connString;
                    if (isFile)
                    {
                        if (!File.Exists(path)) throw new FileNotFoundException($"Data file not found: {path}", path);
                        connString = "Data Source=:memory:";
                    }
                    else
                    {
                        if (path != ":memory:" && !File.Exists(path)) throw new FileNotFoundException($"DuckDB database not found: {path}", path);
                        connString = $"Data Source={path}" + (config.Get("read_only") is "true" or "True" ? ";ACCESS_MODE=READ_ONLY" : "");
                    }
                    var conn = new DuckDBConnection(connString);
                    await conn.OpenAsync(ct);
                    if (isFile && ext != ".parquet" && new FileInfo(path).Length > LargeTextFileBytes)
                    {
                        // A large text file, when it gets loaded (PrepareAsync), must not hold the machine's memory:
                        // DuckDB keeps at most MemoryLimit in memory and spills the rest to a private temporary folder.
                        // (Measured on 10M rows: this loads twice as fast as an on-disk temporary database.)
                        spill = Directory.CreateTempSubdirectory("sodalite-spill-").FullName;
                        await ExecuteAsync(conn, $"SET temp_directory = '{spill.Replace("'", "''")}'", ct);
                        await ExecuteAsync(conn, $"SET memory_limit = '{MemoryLimit}'", ct);
                    }
                    Func<int, CancellationToken, Task>? prepare = null;
                    if (isFile)
                    {
                        string table = Path.GetFileNameWithoutExtension(path).Replace("\"", "\"\"");
                        string lit = path.Replace("'", "''");
                        string source = ext switch
                        {
                            ".parquet" => $"read_parquet('{lit}')",
                            ".json" or ".ndjson" or ".jsonl" => $"read_json_auto('{lit}')",
                            _ => $"read_csv_auto('{lit}')",
                        };
                        // Every file starts as a view: Parquet is always read in place, and a text file read by
                        // few queries is parsed faster in place than loaded (see Prepare below).
                        await ExecuteAsync(conn, $"CREATE VIEW \"{table}\" AS SELECT * FROM {source}", ct);
                        if (ext != ".parquet")
                            prepare = async (passes, c) =>
                            {
                                if (passes <= TextFileInPlacePasses) return;
                                // Row order does not matter to any metric; not preserving it makes the load faster and leaner.
                                await ExecuteAsync(conn, "SET preserve_insertion_order = false", c);
                                try
                                {
                                    // Loaded under another name first: if the file does not parse, the view stays
                                    // and each query reports the error as it would have without loading.
                                    await ExecuteAsync(conn, $"CREATE TABLE \"{table}__sodalite_load\" AS SELECT * FROM {source}", c);
                                    await ExecuteAsync(conn, $"DROP VIEW \"{table}\"", c);
                                    await ExecuteAsync(conn, $"ALTER TABLE \"{table}__sodalite_load\" RENAME TO \"{table}\"", c);
                                }
                                finally
                                {
                                    await ExecuteAsync(conn, "RESET preserve_insertion_order", c);
                                }
                            };
                    }
                    return new DataSource(config.Name, new DuckDbDialect(), config.Get("schema"), conn, prepare, spill is null ? null : () =>
                    {
                        try { Directory.Delete(spill, recursive: true); } catch (IOException) { }
                    }, DuckDb.DuckDbErrors.Classify);
                }
            default:
                throw new NotSupportedException($"Data source type \"{config.Type}\" is not supported; use duckdb, postgres, mysql (MariaDB) or clickhouse.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        _cleanup?.Invoke();
    }
}
