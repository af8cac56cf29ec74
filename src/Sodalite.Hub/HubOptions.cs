using Microsoft.Extensions.Logging;

namespace Sodalite.Hub;

/// <summary>How <c>sodalite serve</c> runs the hub: where it listens, its database, the first admin and its secrets.</summary>
public sealed record HubOptions
{
    /// <summary>Where Kestrel listens (one or more URLs separated by ';'); http://127.0.0.1:3080 by default.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:3080";
    /// <summary>A SQLite file path, or a PostgreSQL URL (postgres://user:pass@host:port/db) or connection string (Host=...).</summary>
    public string? Database { get; init; }
    /// <summary>The admin created at start when no user of that name exists (needs <see cref="AdminPassword"/> too).</summary>
    public string? AdminUsername { get; init; }
    /// <summary>That admin's password.</summary>
    public string? AdminPassword { get; init; }
    /// <summary>Signs session tokens; a random one per start when not given (sessions then end with the process; API tokens do not).</summary>
    public string? SecretKey { get; init; }
    /// <summary>The bearer token Soda Cloud's webhook integration sends; the webhook is off without one.</summary>
    public string? SodaWebhookToken { get; init; }
    /// <summary>
    /// A custom header Soda Cloud's webhook integration is configured to send, as "Name: value" (e.g. "X-Soda-Secret: s3cret");
    /// when set, the webhook requires it (and the bearer token too when <see cref="SodaWebhookToken"/> is set).
    /// </summary>
    public string? SodaWebhookHeader { get; init; }
    /// <summary>Largest accepted request body, in bytes (64 MiB by default); a larger one is a 413.</summary>
    public long MaxBodyBytes { get; init; } = 64L * 1024 * 1024;
    /// <summary>Keep the failed-row samples pushed with scans (on by default); off for sensitive data: samples are then dropped on arrival.</summary>
    public bool StoreSamples { get; init; } = true;
    /// <summary>Most rows kept per check's sample (100 by default); rows beyond are dropped and the sample marked truncated.</summary>
    public int SampleRowsPerCheck { get; init; } = 100;
    /// <summary>Most bytes of sample rows (as JSON) kept per scan (1 MiB by default); checks past the budget keep no rows.</summary>
    public long SampleBytesPerScan { get; init; } = 1024 * 1024;
    /// <summary>The hub's minimum log level (Warning by default).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>The hub's clock (scan times, issue events, token expiry); the system clock unless a host or test gives another.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Reads SODALITE_* environment variables (QALITA_ADMIN_* too) for what the options leave unset: SODALITE_HUB_DB,
    /// SODALITE_ADMIN_USERNAME, SODALITE_ADMIN_PASSWORD, SODALITE_SECRET_KEY, SODALITE_SODA_WEBHOOK_TOKEN, SODALITE_SODA_WEBHOOK_HEADER; and
    /// SODALITE_HUB_SAMPLES=off (or false, 0) to keep no samples, SODALITE_HUB_SAMPLE_ROWS and SODALITE_HUB_SAMPLE_BYTES for the
    /// sample limits (a value that is not a non-negative integer is ignored).
    /// </summary>
    /// <param name="env">Looks a variable up by name; null when unset.</param>
    public HubOptions WithEnvironment(Func<string, string?> env) => this with
    {
        Database = Database ?? env("SODALITE_HUB_DB"),
        AdminUsername = AdminUsername ?? env("SODALITE_ADMIN_USERNAME") ?? env("QALITA_ADMIN_USERNAME"),
        AdminPassword = AdminPassword ?? env("SODALITE_ADMIN_PASSWORD") ?? env("QALITA_ADMIN_PASSWORD"),
        SecretKey = SecretKey ?? env("SODALITE_SECRET_KEY"),
        SodaWebhookToken = SodaWebhookToken ?? env("SODALITE_SODA_WEBHOOK_TOKEN"),
        SodaWebhookHeader = SodaWebhookHeader ?? env("SODALITE_SODA_WEBHOOK_HEADER"),
        StoreSamples = StoreSamples && env("SODALITE_HUB_SAMPLES")?.Trim().ToLowerInvariant() is not ("off" or "false" or "0" or "no"),
        SampleRowsPerCheck = int.TryParse(env("SODALITE_HUB_SAMPLE_ROWS"), System.Globalization.CultureInfo.InvariantCulture, out int rows) && rows >= 0 ? rows : SampleRowsPerCheck,
        SampleBytesPerScan = long.TryParse(env("SODALITE_HUB_SAMPLE_BYTES"), System.Globalization.CultureInfo.InvariantCulture, out long bytes) && bytes >= 0 ? bytes : SampleBytesPerScan,
    };

    /// <summary>A "Name: value" header setting split at its first ':' (both parts trimmed); null when it has no name or no ':'.</summary>
    public static (string Name, string Value)? ParseHeader(string setting) =>
        setting.IndexOf(':', StringComparison.Ordinal) is int colon and > 0 && setting[..colon].Trim() is { Length: > 0 } name
            ? (name, setting[(colon + 1)..].Trim()) : null;

    /// <summary>
    /// The SQLite file used when <see cref="Database"/> is unset: sodalite/hub.db in the user's local application data folder (created
    /// if missing).
    /// </summary>
    public static string DefaultSqlitePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "sodalite", "hub.db");
}
