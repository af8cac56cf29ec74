namespace Sodalite.Hub.Data;

/// <summary>Someone who signs in to the hub (POST /api/v1/auth/signin); the role decides what they may do.</summary>
public sealed class User
{
    /// <summary>Database id; the <c>sub</c> claim of the user's session and API tokens.</summary>
    public int Id { get; set; }
    /// <summary>The sign-in name; unique.</summary>
    public required string Username { get; set; }
    /// <summary><c>pbkdf2-sha256$iterations$salt$hash</c> (salt and hash in base64), as <see cref="Auth.Passwords.Hash"/> writes it.</summary>
    public required string PasswordHash { get; set; }
    /// <summary>admin, dataengineer (write) or viewer (read): one of <see cref="Auth.Roles.All"/>.</summary>
    public required string Role { get; set; }
    /// <summary>When the user was created (the hub's <see cref="TimeProvider"/>, UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
