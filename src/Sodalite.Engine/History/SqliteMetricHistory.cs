// The local metric history: one SQLite file. SQLite rather than DuckDB because several scans may append at once (parallel CI
// jobs, an orchestrator's tasks): SQLite serializes writers across processes with a lock and a busy timeout, where a DuckDB
// file admits one writing process at a time. Rows are (metric identity, data timestamp, scan timestamp) → value JSON.
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sodalite.Results.Json;
using Sodalite.Results.Model;
using Sodalite.Results.Soda;

namespace Sodalite.Engine.History;

/// <summary>A metric history in a SQLite file, created on first use (with its folder).</summary>
public sealed class SqliteMetricHistory : IMetricHistory
{
    private readonly SqliteConnection _connection;

    private SqliteMetricHistory(string path, SqliteConnection connection)
    {
        Location = path;
        _connection = connection;
    }

    /// <inheritdoc/>
    public string Location { get; }

    /// <summary>The default file: <c>$SODALITE_HISTORY</c>, else <c>sodalite/history.db</c> under the user's data folder (<c>~/.local/share</c>).</summary>
    public static string DefaultPath(Func<string, string?> environment) =>
        environment("SODALITE_HISTORY") is { Length: > 0 } configured ? configured
        : Path.Combine(environment("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "sodalite", "history.db");

    /// <summary>Opens (creating when needed) the history file at <paramref name="path"/>.</summary>
    /// <exception cref="HistoryException">The file or its folder cannot be created or is not a Sodalite history.</exception>
    public static async Task<SqliteMetricHistory> OpenAsync(string path, CancellationToken ct)
    {
        SqliteConnection? connection = null;
        try
        {
            string full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, DefaultTimeout = 60, Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = """
                    PRAGMA busy_timeout = 60000;
                    PRAGMA journal_mode = WAL;
                    CREATE TABLE IF NOT EXISTS measurements (
                        metric_identity TEXT NOT NULL,
                        metric_name TEXT NOT NULL,
                        data_timestamp TEXT NOT NULL,
                        scan_timestamp TEXT NOT NULL,
                        value_json TEXT NOT NULL,
                        PRIMARY KEY (metric_identity, data_timestamp, scan_timestamp)
                    ) WITHOUT ROWID;
                    """;
                await cmd.ExecuteNonQueryAsync(ct);
            }
            return new SqliteMetricHistory(full, connection);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            if (connection is not null) await connection.DisposeAsync();
            throw new HistoryException($"Could not open the metric history {path}: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<HistoricMeasurement>>> ReadAsync(IReadOnlyCollection<string> identities, CancellationToken ct)
    {
        var found = new Dictionary<string, IReadOnlyList<HistoricMeasurement>>();
        try
        {
            foreach (string identity in identities.Distinct())
            {
                await using var cmd = _connection.CreateCommand();
                cmd.CommandText = """
                    SELECT data_timestamp, scan_timestamp, value_json FROM measurements
                    WHERE metric_identity = $identity ORDER BY data_timestamp DESC, scan_timestamp DESC
                    """;
                cmd.Parameters.AddWithValue("$identity", identity);
                var series = new List<HistoricMeasurement>();
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    using var json = JsonDocument.Parse(reader.GetString(2));
                    series.Add(new HistoricMeasurement(identity, Time(reader.GetString(0)), Time(reader.GetString(1)), SodaJsonReader.ReadValue(json.RootElement)));
                }
                if (series.Count > 0) found[identity] = series;
            }
        }
        catch (Exception e) when (e is SqliteException or JsonException or FormatException)
        {
            throw new HistoryException($"Could not read the metric history {Location}: {e.Message}", e);
        }
        return found;
    }

    /// <inheritdoc/>
    public async Task<int> AppendAsync(ScanResult scan, CancellationToken ct)
    {
        var scanTime = scan.ScanStartTimestamp ?? scan.DataTimestamp;
        var dataTime = scan.DataTimestamp ?? scan.ScanStartTimestamp;
        if (scanTime is null || dataTime is null) return 0;
        try
        {
            await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(ct);
            int added = 0;
            // A results file keeps whole seconds, a scan's own record microseconds: values from a file whose times have no fraction
            // are the same values as a row of the same identity in the same seconds (importing a scan's -srf file adds nothing). Two
            // scans within one second both keep their values.
            bool wholeSeconds = scanTime.Value.Ticks % TimeSpan.TicksPerSecond == 0 && dataTime.Value.Ticks % TimeSpan.TicksPerSecond == 0;
            foreach (var metric in scan.Metrics)
            {
                // A metric the scan could not compute is no point of its series (Soda Cloud keeps only measured values).
                if (metric.Value is null) continue;
                await using var cmd = _connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = wholeSeconds
                    ? """
                      INSERT OR IGNORE INTO measurements (metric_identity, metric_name, data_timestamp, scan_timestamp, value_json)
                      SELECT $identity, $name, $data, $scan, $value
                      WHERE NOT EXISTS (SELECT 1 FROM measurements WHERE metric_identity = $identity
                          AND substr(data_timestamp, 1, 19) = substr($data, 1, 19) AND substr(scan_timestamp, 1, 19) = substr($scan, 1, 19))
                      """
                    : """
                      INSERT OR IGNORE INTO measurements (metric_identity, metric_name, data_timestamp, scan_timestamp, value_json)
                      VALUES ($identity, $name, $data, $scan, $value)
                      """;
                cmd.Parameters.AddWithValue("$identity", metric.Identity);
                cmd.Parameters.AddWithValue("$name", metric.MetricName);
                cmd.Parameters.AddWithValue("$data", Text(dataTime.Value));
                cmd.Parameters.AddWithValue("$scan", Text(scanTime.Value));
                cmd.Parameters.AddWithValue("$value", PyJson.Serialize(SodaJsonWriter.ToNode(metric.Value)));
                added += await cmd.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
            return added;
        }
        catch (SqliteException e)
        {
            throw new HistoryException($"Could not write the metric history {Location}: {e.Message}", e);
        }
    }

    /// <summary>Every series in the store: identity, metric name and how many values, in identity order.</summary>
    /// <exception cref="HistoryException">The store cannot be read.</exception>
    public async Task<IReadOnlyList<(string Identity, string MetricName, int Count)>> SeriesAsync(CancellationToken ct)
    {
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT metric_identity, MAX(metric_name), COUNT(*) FROM measurements GROUP BY metric_identity ORDER BY metric_identity";
            var all = new List<(string, string, int)>();
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) all.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            return all;
        }
        catch (SqliteException e)
        {
            throw new HistoryException($"Could not read the metric history {Location}: {e.Message}", e);
        }
    }

    /// <summary>UTC, fixed width, so text order is time order.</summary>
    private static string Text(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
