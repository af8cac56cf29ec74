using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Sodalite.Hub.Auth;

/// <summary>API tokens: <c>sdl_</c> and 32 random bytes in base64url; the hub stores only their SHA-256.</summary>
public static class ApiTokens
{
    /// <summary>What every API token starts with; a bearer token without it is read as a session token.</summary>
    public const string Prefix = "sdl_";

    /// <summary>A new token: <see cref="Prefix"/> and 32 random bytes in base64url (47 characters in all).</summary>
    public static string New() => Prefix + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The SHA-256 of the token's UTF-8 bytes, lowercase hex: what <see cref="Data.ApiToken.TokenHash"/> holds.</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
