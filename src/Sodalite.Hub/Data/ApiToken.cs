namespace Sodalite.Hub.Data;

/// <summary>An API token of a user (POST /api/v1/tokens/create); it acts with its user's role.</summary>
public sealed class ApiToken
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The <see cref="User"/> the token acts as.</summary>
    public int UserId { get; set; }
    /// <summary>The user, when loaded.</summary>
    public User? User { get; set; }
    /// <summary>A label: the <c>name</c> query parameter, or "token yyyy-MM-dd HH:mm" of its creation.</summary>
    public required string Name { get; set; }
    /// <summary>SHA-256 of the token, hex: the token itself is shown once and never stored.</summary>
    public required string TokenHash { get; set; }
    /// <summary>When the token was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>From this instant on the token is refused (created tokens last one year).</summary>
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>When set, the token is refused.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
