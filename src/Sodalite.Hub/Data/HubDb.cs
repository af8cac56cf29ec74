// The hub's EF Core context. Each storage engine has its own subclass, so each has its own migrations.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sodalite.Hub.Data;

public abstract class HubDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<Check> Checks => Set<Check>();
    public DbSet<Scan> Scans => Set<Scan>();
    public DbSet<CheckResult> CheckResults => Set<CheckResult>();
    public DbSet<MetricValue> MetricValues => Set<MetricValue>();
    public DbSet<Score> Scores => Set<Score>();
    public DbSet<Issue> Issues => Set<Issue>();
    public DbSet<IssueEvent> IssueEvents => Set<IssueEvent>();
    public DbSet<SourceVersion> SourceVersions => Set<SourceVersion>();
    public DbSet<Pack> Packs => Set<Pack>();
    public DbSet<PackVersion> PackVersions => Set<PackVersion>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<Upload> Uploads => Set<Upload>();
    public DbSet<ArtifactRow> ArtifactRows => Set<ArtifactRow>();

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
        b.Entity<Score>().HasIndex(s => new { s.SourceId, s.DatasetId, s.Dimension, s.DataTimestamp });
        b.Entity<Score>().HasIndex(s => s.ScanId);
        b.Entity<Issue>().HasIndex(i => new { i.DatasetId, i.CheckId }).IsUnique();
        b.Entity<Issue>().HasIndex(i => i.Status);
        b.Entity<IssueEvent>().HasIndex(e => e.IssueId);
        b.Entity<Pack>().HasIndex(p => p.Name).IsUnique();
        b.Entity<Upload>().HasIndex(u => u.ContentHash).IsUnique();
        b.Entity<ArtifactRow>().HasIndex(r => new { r.Kind, r.UploadId });
        foreach (var entity in b.Model.GetEntityTypes())
            foreach (var p in entity.GetProperties().Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
                ConfigureTimestamp(b, entity.ClrType, p.Name);
    }

    /// <summary>How an engine stores instants (SQLite cannot order DateTimeOffset, so it stores UTC ticks).</summary>
    protected virtual void ConfigureTimestamp(ModelBuilder b, Type entity, string property) { }
}

public sealed class SqliteHubDb(DbContextOptions<SqliteHubDb> options) : HubDb(options)
{
    protected override void ConfigureTimestamp(ModelBuilder b, Type entity, string property) =>
        b.Entity(entity).Property(property).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
}

public sealed class PostgresHubDb(DbContextOptions<PostgresHubDb> options) : HubDb(options);

/// <summary>For `dotnet ef migrations add` only: the design-time contexts of each engine.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteHubDb>
{
    public SqliteHubDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHubDb>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresHubDb>
{
    public PostgresHubDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHubDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
