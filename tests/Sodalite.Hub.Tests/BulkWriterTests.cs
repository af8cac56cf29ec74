// The ingest's bulk writer on SQLite and PostgreSQL: what it writes reads back through EF Core exactly as SaveChanges would have
// stored it (instants, nulls, doubles, text), values are guarded as SaveChanges guards them, statements are split below the engines'
// parameter limits, updates touch only the columns named, and generated keys come back to the right rows.
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sodalite.Hub.Data;
using Sodalite.Hub.Ingestion;
using Sodalite.TestSupport;

namespace Sodalite.Hub.Tests;

public abstract class BulkWriterTests<THub>(THub hub) : IClassFixture<THub> where THub : HubFixture
{
    private static readonly DateTimeOffset At = new(2024, 3, 1, 12, 30, 15, 123, TimeSpan.Zero);

    /// <summary>A source and a scan of it (stored through the writer), in a transaction of <paramref name="db"/> the caller commits.</summary>
    private static async Task<Scan> ScanAsync(HubDb db, BulkWriter bulk)
    {
        var source = new Source { Name = $"bulk-{Guid.NewGuid():N}", CreatedAt = At };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        var scan = new Scan { SourceId = source.Id, IdempotencyKey = Guid.NewGuid().ToString("N"), DefinitionName = "d", DataSourceName = "ds", DataTimestamp = At, ReceivedAt = At };
        await bulk.InsertReturningAsync([scan], nameof(Scan.IdempotencyKey), default);
        return scan;
    }

    [Fact]
    public async Task Rows_read_back_as_written_and_keys_come_back_to_their_rows()
    {
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var bulk = new BulkWriter(db);
        await using var tx = await db.Database.BeginTransactionAsync();
        var first = await ScanAsync(db, bulk);
        var second = new Scan { SourceId = first.SourceId, IdempotencyKey = Guid.NewGuid().ToString("N"), DefinitionName = "", DataSourceName = "", DataTimestamp = At.AddDays(1), ScanStart = At, ReceivedAt = At };
        var third = new Scan { SourceId = first.SourceId, IdempotencyKey = Guid.NewGuid().ToString("N"), DefinitionName = "", DataSourceName = "", DataTimestamp = At.AddDays(2), ReceivedAt = At };
        await bulk.InsertReturningAsync([third, second], nameof(Scan.IdempotencyKey), default);
        bulk.Insert(new List<MetricValue>
        {
            new() { ScanId = second.Id, Identity = "m-1", MetricName = "row_count", Value = 12.5, ValueJson = "12.5", DataTimestamp = At },
            new() { ScanId = second.Id, DatasetId = null, Identity = "m-2", MetricName = "name\0with a NUL", Value = null, ValueJson = "null", DataTimestamp = At.AddMilliseconds(1) },
        });
        Assert.Equal(1, bulk.Pending);
        await bulk.FlushAsync(default);
        await tx.CommitAsync();

        var scans = await db.Scans.AsNoTracking().Where(s => s.SourceId == first.SourceId).OrderBy(s => s.DataTimestamp).ToListAsync();
        Assert.Equal([first.Id, second.Id, third.Id], scans.Select(s => s.Id));
        Assert.Equal([At, At.AddDays(1), At.AddDays(2)], scans.Select(s => s.DataTimestamp));
        Assert.Equal(At, scans[1].ScanStart);
        Assert.Null(scans[2].ScanStart);
        var values = await db.MetricValues.AsNoTracking().Where(m => m.ScanId == second.Id).OrderBy(m => m.Identity).ToListAsync();
        Assert.Equal([12.5, null], values.Select(v => v.Value));
        Assert.Equal(["row_count", "name\uFFFDwith a NUL"], values.Select(v => v.MetricName));
        Assert.Equal([At, At.AddMilliseconds(1)], values.Select(v => v.DataTimestamp));
    }

    [Fact]
    public async Task A_value_the_stores_cannot_keep_is_refused_before_anything_is_sent()
    {
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var bulk = new BulkWriter(db);
        var key = Assert.Throws<StoredValueException>(() => bulk.Insert(new List<MetricValue>
            { new() { Identity = "metric\0", MetricName = "x", ValueJson = "1", DataTimestamp = At } }));
        Assert.Equal("identity", key.Field);
        var number = Assert.Throws<StoredValueException>(() => bulk.Insert(new List<MetricValue>
            { new() { Identity = "m", MetricName = "x", Value = double.PositiveInfinity, ValueJson = "1e400", DataTimestamp = At } }));
        Assert.Contains("only finite numbers", number.Message);
        // Nothing of the refused rows stays queued: the writer goes on with good rows.
        Assert.Equal(0, bulk.Pending);
        await using var tx = await db.Database.BeginTransactionAsync();
        var scan = await ScanAsync(db, bulk);
        bulk.Insert(new List<MetricValue> { new() { ScanId = scan.Id, Identity = "good", MetricName = "x", Value = 1, ValueJson = "1", DataTimestamp = At } });
        await bulk.FlushAsync(default);
        await tx.CommitAsync();
        Assert.Equal(1, await db.MetricValues.CountAsync(m => m.ScanId == scan.Id));
    }

    [Fact]
    public async Task Many_rows_are_split_below_the_parameter_limit_and_all_stored()
    {
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var bulk = new BulkWriter(db);
        await using var tx = await db.Database.BeginTransactionAsync();
        var scan = await ScanAsync(db, bulk);
        // MetricValue has 7 written columns: 10,000 rows need three statements of at most 30,000 values.
        bulk.Insert([.. Enumerable.Range(0, 10_000).Select(i => new MetricValue { ScanId = scan.Id, Identity = $"m-{i}", MetricName = "n", Value = i, ValueJson = $"{i}", DataTimestamp = At })]);
        Assert.Equal(3, bulk.Pending);
        await bulk.FlushAsync(default);
        await tx.CommitAsync();
        Assert.Equal(10_000, await db.MetricValues.CountAsync(m => m.ScanId == scan.Id));
        Assert.Equal(Enumerable.Range(0, 10_000).Sum(i => (double)i), await db.MetricValues.Where(m => m.ScanId == scan.Id).SumAsync(m => m.Value));
    }

    [Fact]
    public async Task An_update_writes_the_named_columns_only_and_a_delete_the_named_rows_only()
    {
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var bulk = new BulkWriter(db);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var scan = await ScanAsync(db, bulk);
            bulk.Insert([.. Enumerable.Range(0, 4).Select(i => new MetricValue { ScanId = scan.Id, Identity = $"u-{i}", MetricName = "before", Value = i, ValueJson = "json", DataTimestamp = At })]);
            await bulk.FlushAsync(default);
            await tx.CommitAsync();
        }
        var rows = await db.MetricValues.AsNoTracking().Where(m => m.Identity.StartsWith("u-")).OrderBy(m => m.Identity).ToListAsync();
        Assert.Equal(4, rows.Count);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            // Changed in memory: MetricName and Value are written back, ValueJson's change is not (it is not named).
            foreach (var r in rows.Take(2)) (r.MetricName, r.Value, r.ValueJson, r.DataTimestamp) = ("after", null, "changed", At.AddYears(1));
            bulk.Update(rows.Take(2).ToList(), nameof(MetricValue.MetricName), nameof(MetricValue.Value), nameof(MetricValue.DataTimestamp));
            bulk.Delete<MetricValue>([rows[3].Id]);
            await bulk.FlushAsync(default);
            await tx.CommitAsync();
        }
        var after = await db.MetricValues.AsNoTracking().Where(m => m.Identity.StartsWith("u-")).OrderBy(m => m.Identity).ToListAsync();
        Assert.Equal(["u-0", "u-1", "u-2"], after.Select(m => m.Identity));
        Assert.Equal(["after", "after", "before"], after.Select(m => m.MetricName));
        Assert.Equal([null, null, 2.0], after.Select(m => m.Value));
        Assert.Equal(["json", "json", "json"], after.Select(m => m.ValueJson));
        Assert.Equal([At.AddYears(1), At.AddYears(1), At], after.Select(m => m.DataTimestamp));
    }
}

public sealed class SqliteBulkWriterTests(SqliteHub hub) : BulkWriterTests<SqliteHub>(hub);

public sealed class PostgresBulkWriterTests(PostgresHub hub) : BulkWriterTests<PostgresHub>(hub);
