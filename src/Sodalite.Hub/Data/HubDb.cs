// The hub's EF Core context: what the hub stores (sources and datasets, checks by Soda check identity, scans with their results
// and metric values, scores, issues with their event log, users and API tokens, QALITA packs, jobs and uploads). Each storage
// engine has its own subclass, so each has its own migrations.
using Microsoft.EntityFrameworkCore;

namespace Sodalite.Hub.Data;

/// <summary>The hub's tables and indexes, common to every storage engine (<see cref="SqliteHubDb"/>, <see cref="PostgresHubDb"/>).</summary>
public abstract class HubDb(DbContextOptions options) : DbContext(options)
{
    /// <summary>People who sign in; username unique.</summary>
    public DbSet<User> Users => Set<User>();
    /// <summary>API tokens, by the SHA-256 of the token (unique).</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    /// <summary>Data sources; name unique.</summary>
    public DbSet<Source> Sources => Set<Source>();
    /// <summary>Tables of the sources; (source, name) unique.</summary>
    public DbSet<Dataset> Datasets => Set<Dataset>();
    /// <summary>Checks; (dataset, Soda check identity) unique.</summary>
    public DbSet<Check> Checks => Set<Check>();
    /// <summary>Stored scans; idempotency key unique.</summary>
    public DbSet<Scan> Scans => Set<Scan>();
    /// <summary>Check outcomes; (scan, check) unique.</summary>
    public DbSet<CheckResult> CheckResults => Set<CheckResult>();
    /// <summary>Metric values of the scans.</summary>
    public DbSet<MetricValue> MetricValues => Set<MetricValue>();
    /// <summary>The error and warning records of the scans' logs.</summary>
    public DbSet<ScanLog> ScanLogs => Set<ScanLog>();
    /// <summary>Checks the scans could not evaluate.</summary>
    public DbSet<ErroredCheck> ErroredChecks => Set<ErroredCheck>();
    /// <summary>Failed-row samples of the scans' checks.</summary>
    public DbSet<CheckSample> CheckSamples => Set<CheckSample>();
    /// <summary>Samples from Soda Core's HTTP sampler waiting for their scan.</summary>
    public DbSet<PendingSample> PendingSamples => Set<PendingSample>();
    /// <summary>Scores of sources and datasets, overall and by dimension.</summary>
    public DbSet<Score> Scores => Set<Score>();
    /// <summary>Issues; (dataset, check) unique.</summary>
    public DbSet<Issue> Issues => Set<Issue>();
    /// <summary>The issues' event logs.</summary>
    public DbSet<IssueEvent> IssueEvents => Set<IssueEvent>();
    /// <summary>QALITA source versions.</summary>
    public DbSet<SourceVersion> SourceVersions => Set<SourceVersion>();
    /// <summary>QALITA packs; name unique.</summary>
    public DbSet<Pack> Packs => Set<Pack>();
    /// <summary>QALITA pack versions.</summary>
    public DbSet<PackVersion> PackVersions => Set<PackVersion>();
    /// <summary>QALITA jobs.</summary>
    public DbSet<Job> Jobs => Set<Job>();
    /// <summary>QALITA workers; name unique.</summary>
    public DbSet<Worker> Workers => Set<Worker>();
    /// <summary>Files of the registry (job logs, pack archives); (bucket, name, version) unique.</summary>
    public DbSet<Asset> Assets => Set<Asset>();
    /// <summary>Uploaded QALITA artifact files; content hash unique.</summary>
    public DbSet<Upload> Uploads => Set<Upload>();
    /// <summary>The entries of the uploaded artifact files.</summary>
    public DbSet<ArtifactRow> ArtifactRows => Set<ArtifactRow>();

    /// <summary>Declares the unique and lookup indexes, and lets the engine map every <see cref="DateTimeOffset"/> property.</summary>
    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<User>().HasIndex(u => u.Username).IsUnique();
        b.Entity<ApiToken>().HasIndex(t => t.TokenHash).IsUnique();
        b.Entity<Source>().HasIndex(s => s.Name).IsUnique();
        b.Entity<Dataset>().HasIndex(d => new { d.SourceId, d.Name }).IsUnique();
        b.Entity<Check>().HasIndex(c => new { c.DatasetId, c.Identity }).IsUnique();
        b.Entity<Scan>().HasIndex(s => s.IdempotencyKey).IsUnique();
        b.Entity<Scan>().HasIndex(s => new { s.SourceId, s.DataTimestamp });
        b.Entity<CheckResult>().HasIndex(r => new { r.ScanId, r.CheckId }).IsUnique();
        b.Entity<CheckResult>().HasIndex(r => new { r.CheckId, r.DataTimestamp });
        b.Entity<MetricValue>().HasIndex(m => new { m.Identity, m.DataTimestamp });
        b.Entity<MetricValue>().HasIndex(m => m.ScanId);
        b.Entity<ScanLog>().HasIndex(l => new { l.ScanId, l.Index });
        b.Entity<ScanLog>().HasOne(l => l.Scan).WithMany().HasForeignKey(l => l.ScanId);
        b.Entity<ErroredCheck>().HasIndex(e => e.ScanId);
        b.Entity<ErroredCheck>().HasIndex(e => e.DatasetId);
        b.Entity<ErroredCheck>().HasOne(e => e.Scan).WithMany().HasForeignKey(e => e.ScanId);
        b.Entity<CheckSample>().HasIndex(s => new { s.CheckId, s.ScanId }).IsUnique();
        b.Entity<CheckSample>().HasIndex(s => s.ScanId);
        b.Entity<CheckSample>().HasOne<Scan>().WithMany().HasForeignKey(s => s.ScanId);
        b.Entity<CheckSample>().HasOne<Check>().WithMany().HasForeignKey(s => s.CheckId);
        b.Entity<PendingSample>().HasIndex(s => s.DataSourceName);
        b.Entity<Score>().HasIndex(s => new { s.SourceId, s.DatasetId, s.Dimension, s.DataTimestamp });
        b.Entity<Score>().HasIndex(s => s.ScanId);
        b.Entity<Issue>().HasIndex(i => new { i.DatasetId, i.CheckId }).IsUnique();
        b.Entity<Issue>().HasIndex(i => i.Status);
        b.Entity<IssueEvent>().HasIndex(e => e.IssueId);
        b.Entity<Pack>().HasIndex(p => p.Name).IsUnique();
        b.Entity<Upload>().HasIndex(u => u.ContentHash).IsUnique();
        b.Entity<Worker>().HasIndex(w => w.Name).IsUnique();
        b.Entity<Asset>().HasIndex(a => new { a.Bucket, a.Name, a.Version }).IsUnique();
        b.Entity<Job>().HasIndex(j => new { j.Status, j.Id });
        b.Entity<ArtifactRow>().HasIndex(r => new { r.Kind, r.UploadId });
        foreach (var entity in b.Model.GetEntityTypes())
            foreach (var p in entity.GetProperties().Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
                ConfigureTimestamp(b, entity.ClrType, p.Name);
    }

    /// <summary>How an engine stores instants (SQLite cannot order DateTimeOffset, so it stores UTC ticks).</summary>
    /// <param name="b">The model being built.</param>
    /// <param name="entity">The entity's CLR type.</param>
    /// <param name="property">The name of a <see cref="DateTimeOffset"/> or <see cref="Nullable{DateTimeOffset}"/> property of it.</param>
    protected virtual void ConfigureTimestamp(ModelBuilder b, Type entity, string property) { }
}
