// One bearer scheme for both kinds of token: an API token (sdl_..., looked up by its hash) or a session JWT.
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
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        string token = header[7..].Trim();
        ClaimsIdentity? identity;
        if (token.StartsWith(ApiTokens.Prefix, StringComparison.Ordinal))
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
