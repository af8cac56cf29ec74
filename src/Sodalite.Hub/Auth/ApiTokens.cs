using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sodalite.Hub.Auth;

/// <summary>
/// API tokens: JWTs as QALITA issues them (claims <c>sub</c> = user id, <c>name</c>, <c>role</c>, <c>scopes</c>, and <c>type</c> =
/// "api"), so QALITA's CLI can decode the user id from them (spec/qalita.md §2.1). Each is signed with its own random key that is
/// thrown away: the hub recognises its API tokens by their SHA-256, stored in <see cref="Data.ApiToken.TokenHash"/>, so they outlive
/// restarts and changes of the secret key, and can be revoked. Tokens <c>sdl_...</c> from earlier versions are still recognised.
/// </summary>
public static class ApiTokens
{
    /// <summary>What API tokens of earlier hub versions start with (32 random bytes in base64url after it); still accepted.</summary>
    public const string Prefix = "sdl_";
    /// <summary>The value of the <c>type</c> claim that marks a JWT as an API token (a session token has none).</summary>
    public const string Type = "api";

    /// <summary>A new API token for the user: an HS256 JWT with <c>iss</c> = <see cref="SessionTokens.Issuer"/>, a random <c>jti</c>, <c>iat</c> and <c>exp</c>.</summary>
    /// <param name="userId">The user's id (the <c>sub</c> claim).</param>
    /// <param name="username">The user's name (<c>name</c>).</param>
    /// <param name="role">The user's role (<c>role</c>); the hub reads the role from the database at each use, not from the token.</param>
    /// <param name="issuedAt">The issue instant.</param>
    /// <param name="expiresAt">The expiry written in the token (the stored row's expiry is what the hub enforces).</param>
    public static string New(int userId, string username, string role, DateTimeOffset issuedAt, DateTimeOffset expiresAt) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = SessionTokens.Issuer,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim("name", username), new Claim("role", role)]),
            Claims = new Dictionary<string, object>
            {
                ["scopes"] = SessionTokens.Scopes,
                ["type"] = Type,
                ["jti"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            },
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256),
        });

    /// <summary>
    /// Whether the token is written as an API token (<see cref="Prefix"/>, or a JWT whose <c>type</c> claim is "api"); says nothing of
    /// its validity, and never throws: anything that is not such a token is false.
    /// </summary>
    public static bool LooksLikeApiToken(string token)
    {
        if (token.StartsWith(Prefix, StringComparison.Ordinal)) return true;
        try
        {
            return new JsonWebToken(token).TryGetPayloadValue<string>("type", out var type) && type == Type;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return false;   // not a JWT (IdentityModel throws FormatException for a five-part JWE, ArgumentException for other shapes)
        }
    }

    /// <summary>The SHA-256 of the token's UTF-8 bytes, lowercase hex: what <see cref="Data.ApiToken.TokenHash"/> holds.</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
