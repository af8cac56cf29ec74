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

/// <summary>
/// The hub's bearer authentication (scheme "Bearer"): API tokens known by their stored hash (a Basic password works too, for Soda Core's
/// sampler URL) and session JWTs signed by the hub; answers 401 with a JSON <c>detail</c> saying what to do, 403 naming the role.
/// </summary>
public sealed class BearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    HubDb db, SessionTokens sessions, TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>
    /// A Basic credential's password or a Bearer token: first looked up as an API token by its SHA-256 (an indexed column; a stored
    /// token is known whatever its text looks like), else validated as a session JWT (signature, issuer, expiry). Either way the user
    /// is read from the database, so a deleted user's tokens stop working and the role is the current one. Nothing about a token is
    /// parsed before it is known, so no token, however malformed, makes this throw.
    /// </summary>
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        string token;
        bool basic = false;
        if (header is not null && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            if (BasicPassword(header[6..].Trim()) is not { Length: > 0 } password) return AuthenticateResult.NoResult();
            token = password;
            basic = true;
        }
        else if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = header[7..].Trim();
        else return AuthenticateResult.NoResult();
        if (token.Length == 0 || token.Length > 8192 || Ingestion.InputGuard.TextProblem(token) is not null)
            return AuthenticateResult.Fail("The token is not one this hub issued: create one with POST /api/v1/tokens/create.");
        var now = time.GetUtcNow();
        string hash = ApiTokens.HashOf(token);
        var found = await db.ApiTokens.AsNoTracking().Include(t => t.User).FirstOrDefaultAsync(t => t.TokenHash == hash);
        User? user;
        if (found is not null)
        {
            if (found.User is null || found.RevokedAt is not null || found.ExpiresAt <= now)
                return AuthenticateResult.Fail("The API token is unknown, revoked or expired: create one with POST /api/v1/tokens/create.");
            user = found.User;
        }
        else if (basic || ApiTokens.LooksLikeApiToken(token))
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired: create one with POST /api/v1/tokens/create.");
        else
        {
            var session = await sessions.ValidateAsync(token);
            if (session is null) return AuthenticateResult.Fail("The session token is invalid or expired: sign in again with POST /api/v1/auth/signin.");
            user = int.TryParse(session.FindFirst("sub")?.Value, System.Globalization.CultureInfo.InvariantCulture, out int id)
                ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id) : null;
            if (user is null) return AuthenticateResult.Fail("The session's user no longer exists: sign in again with POST /api/v1/auth/signin.");
        }
        var identity = new ClaimsIdentity([new Claim("sub", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim("name", user.Username), new Claim("role", user.Role)], SchemeName, "name", "role");
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
