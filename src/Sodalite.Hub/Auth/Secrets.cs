// Password hashes (PBKDF2-SHA256), API tokens (random, stored as SHA-256), and session JWTs (HS256), as QALITA issues them.
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sodalite.Hub.Auth;

public static class Roles
{
    public const string Admin = "admin", DataEngineer = "dataengineer", Viewer = "viewer";
    public static readonly string[] All = [Admin, DataEngineer, Viewer];
}

public static class Passwords
{
    private const int Iterations = 100_000;

    public static string Hash(string password)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(16);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], out int iterations)) return false;
        byte[] expected = Convert.FromBase64String(parts[3]);
        byte[] actual = Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}

public static class ApiTokens
{
    public const string Prefix = "sdl_";

    public static string New() => Prefix + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>Session tokens: HS256 JWTs with QALITA's claims (sub = user id, role, scopes).</summary>
public sealed class SessionTokens(byte[] key, TimeProvider time)
{
    public const string Issuer = "sodalite-hub";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(240);

    private readonly SymmetricSecurityKey _key = new(key);

    public string Issue(int userId, string username, string role)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim("name", username), new Claim("role", role)]),
            Claims = new Dictionary<string, object> { ["scopes"] = new[] { "agent.get", "pack.create", "source.create" } },
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    public async Task<ClaimsIdentity?> ValidateAsync(string token)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidateAudience = false,
            IssuerSigningKey = _key,
            LifetimeValidator = (notBefore, expires, _, _) => expires is null || expires > time.GetUtcNow().UtcDateTime,
        });
        return result.IsValid ? result.ClaimsIdentity : null;
    }
}
