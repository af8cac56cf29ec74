// An open data source: its dialect and the scan's session on it.
using System.Collections.Concurrent;
using System.Data.Common;
using DuckDB.NET.Data;
using Npgsql;
using Sodalite.Engine.DataSources.DuckDb;
using Sodalite.Engine.Dialects;

namespace Sodalite.Engine.DataSources;

public sealed class DataSource : IAsyncDisposable
{
    private readonly Action? _cleanup;

    /// <summary>Loads the data files worth loading, given how many full passes the plan makes over each table.</summary>
    private readonly Func<Func<string, int>, CancellationToken, Task>? _prepare;

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
    private DataSource(string name, SqlDialect dialect, string? schema, DbConnection session, Func<Func<string, int>, CancellationToken, Task>? prepare, Action? cleanup,
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
    public Task PrepareAsync(int passes, CancellationToken ct) => PrepareAsync(_ => passes, ct);

    /// <summary>
    /// Readies the data for a plan made of <paramref name="statements"/>: each data file is read by the statements that name its
    /// table, and a text file read by more than <see cref="TextFileInPlacePasses"/> of them is parsed once into a table. A name that
    /// only looks like the table (a column of the same name) costs a load, never a wrong result.
    /// </summary>
    public Task PrepareAsync(IReadOnlyCollection<string> statements, CancellationToken ct) =>
        PrepareAsync(table =>
        {
            var named = new System.Text.RegularExpressions.Regex($@"(?<![\w$]){System.Text.RegularExpressions.Regex.Escape(table)}(?![\w$])",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            return statements.Count(named.IsMatch);
        }, ct);

    /// <summary>Readies the data, given how many full passes the plan makes over each table (by name).</summary>
    private async Task PrepareAsync(Func<string, int> passes, CancellationToken ct)
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
        finally
        {
            // A loaded file is a table now where it was a view: its columns are read again (the same, by their names and types).
            _columns.Clear();
        }
    }

    private static async Task ExecuteAsync(DbConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Opens the scan's session on a configured data source. An unreachable server, a missing database or a setting that is not
    /// valid throws. A DuckDB data source that reads files logs what is wrong with some of them to <paramref name="log"/> (errors and
    /// warnings naming the file) and opens with the others; it throws when no file can be read, or when there is no log to tell.
    /// </summary>
    public static async Task<DataSource> ConnectAsync(DataSourceConfig config, CancellationToken ct, SodaCL.Diagnostics.ScanLogger? log = null)
    {
        switch (config.Type)
        {
            // Each engine's connection is made in a method of its own, so a scan loads only its own engine's client library.
            case "postgres" or "postgresql":
                return await ConnectPostgresAsync(config, ct);
            case "mysql" or "mariadb":
                return await ConnectMySqlAsync(config, ct);
            case "clickhouse":
                {
                    var session = await ClickHouse.ClickHouseConnection.OpenSessionAsync(config, ct);
                    // Tables are qualified with the configured database: 18.16 resolves CREATE TEMPORARY TABLE ... AS SELECT's tables
                    // in the server's default database, whatever the request's database is.
                    return new DataSource(config.Name, new ClickHouseDialect(), config.Get("database") is { Length: > 0 } database ? database : null,
                        session, null, null, DataSourceException.Unclassified);
                }
            case "duckdb":
                return await ConnectDuckDbAsync(config, log, ct);
            default:
                throw new NotSupportedException($"Data source type \"{config.Type}\" is not supported; use duckdb, postgres, mysql (MariaDB) or clickhouse.");
        }
    }

    /// <summary>A PostgreSQL data source: one session for the scan (Npgsql), opened now.</summary>
    private static async Task<DataSource> ConnectPostgresAsync(DataSourceConfig config, CancellationToken ct)
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

    /// <summary>A MariaDB/MySQL data source: one session for the scan (MySqlConnector), opened now, in ANSI quoting.</summary>
    private static async Task<DataSource> ConnectMySqlAsync(DataSourceConfig config, CancellationToken ct)
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

    /// <summary>
    /// A DuckDB data source: a database file (or an in-memory database), or files read as tables, each a view over its file in an
    /// in-memory database (<see cref="DataFileSet"/>): `path:` a file or a folder, `files:` tables by name, `--data` files and folders.
    /// </summary>
    private static async Task<DataSource> ConnectDuckDbAsync(DataSourceConfig config, SodaCL.Diagnostics.ScanLogger? log, CancellationToken ct)
    {
        var inputs = new List<(string? Table, string Path)>();
        if ((config.Get("path") ?? config.Get("database")) is { Length: > 0 } main) inputs.Add((null, main));
        inputs.AddRange(config.FilePaths.Select(p => ((string?)null, p)));
        inputs.AddRange(config.Files.Select(f => ((string?)f.Table, f.Path)));
        if (inputs.Count == 0 || (inputs.Count == 1 && IsDatabase(inputs[0].Path)))
        {
            string path = inputs.Count == 0 ? ":memory:" : inputs[0].Path;
            if (path != ":memory:" && !File.Exists(path))
                throw new FileNotFoundException($"Not found: {path} (a DuckDB database, a data file or a folder of them; relative paths are read from {Environment.CurrentDirectory}). Check the path.", path);
            var db = new DuckDBConnection($"Data Source={path}" + (config.Get("read_only") is "true" or "True" ? ";ACCESS_MODE=READ_ONLY" : ""));
            await db.OpenAsync(ct);
            return new DataSource(config.Name, new DuckDbDialect(), config.Get("schema"), db, null, null, DuckDb.DuckDbErrors.Classify);
        }

        var files = DataFileSet.Resolve(inputs);
        string where = config.FilePath is null ? "" : $" (in {config.FilePath})";
        if (files.Tables.Count == 0 || (log is null && files.Errors.Count > 0))
            throw new FileNotFoundException(string.Join(" ", files.Errors.DefaultIfEmpty("No data file to read.")));

        var conn = new DuckDBConnection("Data Source=:memory:");
        await conn.OpenAsync(ct);
        string? spill = null;
        var errors = files.Errors.ToList();
        var readable = new List<DataFileTable>();
        try
        {
            if (files.Tables.Any(t => !t.IsParquet && new FileInfo(t.Path).Length > LargeTextFileBytes))
            {
                // A large text file, when it gets loaded (PrepareAsync), must not hold the machine's memory:
                // DuckDB keeps at most MemoryLimit in memory and spills the rest to a private temporary folder.
                // (Measured on 10M rows: this loads twice as fast as an on-disk temporary database.)
                spill = Directory.CreateTempSubdirectory("sodalite-spill-").FullName;
                await ExecuteAsync(conn, $"SET temp_directory = '{spill.Replace("'", "''")}'", ct);
                await ExecuteAsync(conn, $"SET memory_limit = '{MemoryLimit}'", ct);
            }
            // Every file starts as a view: Parquet is always read in place, and a text file read by few queries is parsed faster in
            // place than loaded (see prepare below). A file DuckDB cannot read (a broken Parquet file, an empty CSV) costs only its table.
            foreach (var t in files.Tables)
            {
                try
                {
                    await ExecuteAsync(conn, $"CREATE VIEW {t.QuotedTable} AS SELECT * FROM {t.ReadSql}", ct);
                    readable.Add(t);
                }
                catch (DbException e)
                {
                    errors.Add($"Could not read {t.Path} (table \"{t.Table}\"): {e.Message.Split('\n')[0]} Fix or replace the file, or remove it from the data source.");
                }
            }
            if (readable.Count == 0 || (log is null && errors.Count > 0)) throw new InvalidDataException(string.Join(" ", errors));
        }
        catch
        {
            await conn.DisposeAsync();
            if (spill is not null) DeleteFolder(spill);
            throw;
        }
        foreach (var w in files.Warnings) log?.Warning($"Data source \"{config.Name}\"{where}: {w}");
        foreach (var e in errors) log?.Error($"Data source \"{config.Name}\"{where}: {e} The checks of the other tables still run.");
        var text = readable.Where(t => !t.IsParquet).ToList();
        Func<Func<string, int>, CancellationToken, Task>? prepare = text.Count == 0 ? null : async (passes, c) =>
        {
            var load = text.Where(t => passes(t.Table) > TextFileInPlacePasses).ToList();
            if (load.Count == 0) return;
            // Row order does not matter to any metric; not preserving it makes the load faster and leaner.
            await ExecuteAsync(conn, "SET preserve_insertion_order = false", c);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo? first = null;
            try
            {
                foreach (var t in load)
                {
                    string loading = $"\"{(t.Table + "__sodalite_load").Replace("\"", "\"\"")}\"";
                    try
                    {
                        // Loaded under another name first: if the file does not parse, the view stays and each query reports the
                        // error as it would have without loading; the other files are still loaded.
                        await ExecuteAsync(conn, $"CREATE TABLE {loading} AS SELECT * FROM {t.ReadSql}", c);
                        await ExecuteAsync(conn, $"DROP VIEW {t.QuotedTable}", c);
                        await ExecuteAsync(conn, $"ALTER TABLE {loading} RENAME TO {t.QuotedTable}", c);
                    }
                    catch (DbException e)
                    {
                        first ??= System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                    }
                }
            }
            finally
            {
                await ExecuteAsync(conn, "RESET preserve_insertion_order", c);
            }
            first?.Throw();
        };
        return new DataSource(config.Name, new DuckDbDialect(), config.Get("schema"), conn, prepare, spill is null ? null : () => DeleteFolder(spill),
            DuckDb.DuckDbErrors.Classify);
    }

    /// <summary>A DuckDB database file (or <c>:memory:</c>), as opposed to a data file or a folder of them.</summary>
    private static bool IsDatabase(string path) =>
        !DataFileTable.IsDataFile(path) && !Directory.Exists(path) && !path.EndsWith('/') && !path.EndsWith(Path.DirectorySeparatorChar);

    private static void DeleteFolder(string folder)
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        _cleanup?.Invoke();
    }
}
