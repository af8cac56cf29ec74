// The hub's EF Core context: what the hub stores (sources and datasets, checks by Soda check identity, scans with their results
// and metric values, scores, issues with their event log, users and API tokens, QALITA packs, jobs and uploads). Each storage
// engine has its own subclass, so each has its own migrations.
using Microsoft.EntityFrameworkCore;
using Sodalite.Hub.Ingestion;

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

    /// <summary>
    /// The names and identities the hub indexes or finds things by, with the request field each comes from: a value with a NUL or an
    /// unpaired surrogate, or longer than <see cref="InputGuard.MaxKeyLength"/> (a PostgreSQL index entry holds about 2,700 bytes), is
    /// refused with <see cref="StoredValueException"/> on every store alike.
    /// </summary>
    private static readonly Dictionary<(Type Entity, string Property), (string Field, string Label)> Keys = new()
    {
        [(typeof(Source), nameof(Source.Name))] = ("name", "the source's name"),
        [(typeof(Dataset), nameof(Dataset.Name))] = ("table", "the dataset's name"),
        [(typeof(Check), nameof(Check.Identity))] = ("identity", "the check's identity"),
        [(typeof(MetricValue), nameof(MetricValue.Identity))] = ("identity", "the metric's identity"),
        [(typeof(User), nameof(User.Username))] = ("username", "the username"),
        [(typeof(Pack), nameof(Pack.Name))] = ("name", "the pack's name"),
        [(typeof(PackVersion), nameof(PackVersion.SemVer))] = ("sem_ver_id", "the pack's version"),
        [(typeof(SourceVersion), nameof(SourceVersion.SemVer))] = ("version", "the source's version"),
        [(typeof(Worker), nameof(Worker.Name))] = ("name", "the worker's name"),
        [(typeof(Asset), nameof(Asset.Bucket))] = ("bucket", "the asset's bucket"),
        [(typeof(Asset), nameof(Asset.Name))] = ("name", "the asset's name"),
        [(typeof(Asset), nameof(Asset.Version))] = ("version", "the asset's version"),
        [(typeof(Scan), nameof(Scan.IdempotencyKey))] = ("Idempotency-Key", "the idempotency key"),
        [(typeof(PendingSample), nameof(PendingSample.DataSourceName))] = ("source", "the data source's name"),
        [(typeof(Score), nameof(Score.Dimension))] = ("dimension", "the dimension"),
    };

    /// <inheritdoc cref="DbContext.SaveChanges(bool)"/>
    /// <remarks>Checks the values first (see <see cref="GuardValues"/>).</remarks>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardValues();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc cref="DbContext.SaveChangesAsync(bool, CancellationToken)"/>
    /// <remarks>Checks the values first (see <see cref="GuardValues"/>).</remarks>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardValues();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Makes what is about to be written storable alike on SQLite and PostgreSQL: a name or identity of <see cref="Keys"/> that PostgreSQL
    /// could not keep or index throws <see cref="StoredValueException"/>; in other text each NUL and unpaired surrogate becomes U+FFFD
    /// (<see cref="InputGuard.Sanitize"/>), so a log line, a check name or a note never costs the rest; a number that is not finite
    /// throws <see cref="StoredValueException"/>.
    /// </summary>
    private void GuardValues()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var p in entry.Properties)
                if (p.CurrentValue is string or double && Guarded(entry.Metadata.ClrType, p.Metadata.Name, p.CurrentValue) is var value && !Equals(value, p.CurrentValue))
                    p.CurrentValue = value;
        }
    }

    /// <summary>
    /// <paramref name="value"/> of property <paramref name="property"/> of entity <paramref name="entity"/> as the hub stores it: a key
    /// (<see cref="Keys"/>) that PostgreSQL could not keep or index throws <see cref="StoredValueException"/>; other text comes back
    /// with each NUL and unpaired surrogate replaced by U+FFFD; a number that is not finite throws; anything else is returned as is.
    /// The rule <see cref="SaveChangesAsync(bool, CancellationToken)"/> applies, for writers that bypass change tracking (<see cref="BulkWriter"/>).
    /// </summary>
    /// <exception cref="StoredValueException">The value cannot be stored alike on every engine.</exception>
    public static object? Guarded(Type entity, string property, object? value)
    {
        switch (value)
        {
            case string text when Keys.TryGetValue((entity, property), out var key):
                if (InputGuard.KeyProblem(text) is { } problem) throw new StoredValueException(key.Field, $"{key.Label} {problem}.");
                return text;
            case string text when InputGuard.TextProblem(text) is not null:
                return InputGuard.Sanitize(text);
            case double d when !double.IsFinite(d):
                throw new StoredValueException(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(property), $"{property} is {d}: only finite numbers are stored.");
            default:
                return value;
        }
    }

    /// <summary>How an engine stores instants (SQLite cannot order DateTimeOffset, so it stores UTC ticks).</summary>
    /// <param name="b">The model being built.</param>
    /// <param name="entity">The entity's CLR type.</param>
    /// <param name="property">The name of a <see cref="DateTimeOffset"/> or <see cref="Nullable{DateTimeOffset}"/> property of it.</param>
    protected virtual void ConfigureTimestamp(ModelBuilder b, Type entity, string property) { }
}
