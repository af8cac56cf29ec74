using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sodalite.Hub.Auth;

/// <summary>Session tokens: HS256 JWTs with QALITA's claims (sub = user id, role, scopes), as QALITA issues them at sign-in.</summary>
/// <param name="key">The HMAC-SHA256 signing key (the hub derives 32 bytes from its secret key, or makes them random per start).</param>
/// <param name="time">The clock for issuing and expiry.</param>
public sealed class SessionTokens(byte[] key, TimeProvider time)
{
    /// <summary>The tokens' <c>iss</c>; a token from another issuer is refused.</summary>
    public const string Issuer = "sodalite-hub";
    /// <summary>How long a session token is valid: 240 minutes from issue.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(240);

    /// <summary>QALITA's scopes, which its CLI expects in a token: agent.get, pack.create, source.create.</summary>
    public static readonly string[] Scopes = ["agent.get", "pack.create", "source.create"];

    private readonly SymmetricSecurityKey _key = new(key);

    /// <summary>A signed JWT for the user: claims sub (the id), name, role and QALITA's scopes; valid for <see cref="Lifetime"/>.</summary>
    public string Issue(int userId, string username, string role)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim("name", username), new Claim("role", role)]),
            Claims = new Dictionary<string, object> { ["scopes"] = Scopes },
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The token's claims when it is well formed, signed with this key by <see cref="Issuer"/> and not expired; otherwise null.</summary>
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
