// One bearer scheme for both kinds of token: an API token (a JWT with type "api", or an older sdl_... token, looked up by its hash) or
// a session JWT (checked by its signature). An API token is also accepted as the password of Basic authentication, which is what
// Python's requests sends for a URL with credentials (https://user:TOKEN@hub/...): Soda Core's HTTP failed-rows sampler can only be
// given a URL.
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sodalite.Hub.Data;

namespace Sodalite.Hub.Auth;

public sealed class BearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    HubDb db, SessionTokens sessions, TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        string token;
        if (header is not null && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            if (BasicPassword(header[6..].Trim()) is not { } password || !ApiTokens.LooksLikeApiToken(password)) return AuthenticateResult.NoResult();
            token = password;
        }
        else if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = header[7..].Trim();
        else return AuthenticateResult.NoResult();
        ClaimsIdentity? identity;
        if (ApiTokens.LooksLikeApiToken(token))
        {
            string hash = ApiTokens.HashOf(token);
            var now = time.GetUtcNow();
            var found = await db.ApiTokens.AsNoTracking().Include(t => t.User).FirstOrDefaultAsync(t => t.TokenHash == hash);
            if (found?.User is null || found.RevokedAt is not null || found.ExpiresAt <= now)
                return AuthenticateResult.Fail("The API token is unknown, revoked or expired: create one with POST /api/v1/tokens/create.");
            identity = new ClaimsIdentity([new Claim("sub", found.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim("name", found.User.Username), new Claim("role", found.User.Role)], SchemeName, "name", "role");
        }
        else
        {
            identity = await sessions.ValidateAsync(token);
            if (identity is null) return AuthenticateResult.Fail("The session token is invalid or expired: sign in again with POST /api/v1/auth/signin.");
            identity = new ClaimsIdentity(identity.Claims, SchemeName, "name", "role");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The password of a Basic credential (base64 of "user:password"), or null when it is not one.</summary>
    private static string? BasicPassword(string credential)
    {
        try
        {
            string text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(credential));
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 ? text[(colon + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // A token that was sent but refused says why (unknown, revoked, expired); none sent says how to get one.
        string? refused = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Response.WriteAsJsonAsync(new { detail = refused ?? "Send a token: Authorization: Bearer <token> (POST /api/v1/auth/signin, then POST /api/v1/tokens/create)." });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 403;
        string role = Context.User.FindFirst("role")?.Value ?? "none";
        return Response.WriteAsJsonAsync(new { detail = $"Your role ({role}) does not allow this: changing things needs the admin or dataengineer role, managing users the admin role." });
    }
}
