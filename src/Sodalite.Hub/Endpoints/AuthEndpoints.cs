// QALITA's auth calls: sign in with a form (→ session JWT), create an API token, read a user, the version.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Sodalite.Hub.Auth;
using Sodalite.Hub.Data;
using Sodalite.Hub.Ingestion;
using Sodalite.Hub.OpenApi;
using Http = Microsoft.AspNetCore.Http.Results;

namespace Sodalite.Hub.Endpoints;

/// <summary>The version, sign-in, API token and user routes, as QALITA's CLI calls them.</summary>
public static class AuthEndpoints
{
    /// <summary>
    /// Maps GET /api/v1/version and POST /api/v1/auth/signin (anonymous), POST /api/v1/tokens/create and GET /api/v2/users/{id}
    /// (any role), POST /api/v2/users (admin, body <see cref="NewUser"/>). Errors answer JSON <c>detail</c> (and <c>field</c> for a bad
    /// user body): 400, 401 for a wrong username or password, 409 for a username that exists.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/version", () => Http.Ok(new VersionInfo(HubServer.Version))).AllowAnonymous()
            .WithTags("hub").WithName("getVersion").WithSummary("The hub's version, as QALITA's CLI asks for it").Produces<VersionInfo>();

        app.MapPost("/api/v1/auth/signin", async (HttpRequest request, HubDb db, SessionTokens sessions) =>
        {
            if (!request.HasFormContentType)
                return Http.BadRequest(new { detail = "Send application/x-www-form-urlencoded fields username and password." });
            var form = await request.ReadFormAsync();
            string? username = form["username"], password = form["password"];
            if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
                return Http.BadRequest(new { detail = "Both form fields username and password are required." });
            // A name no user can have (a NUL, an unpaired surrogate, too long) is simply wrong, and is not looked up.
            var user = InputGuard.KeyProblem(username) is null ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == username) : null;
            if (user is null || !Passwords.Verify(password, user.PasswordHash))
                return Http.Json(new { detail = "Incorrect username or password." }, statusCode: 401);
            return Http.Ok(new IssuedToken(sessions.Issue(user.Id, user.Username, user.Role), "bearer"));
        }).AllowAnonymous().DisableAntiforgery()
            .WithTags("auth").WithName("signIn").WithSummary("Sign in with a username and password: a session token")
            .WithDescription("Answers a session token (a JWT) to send as Authorization: Bearer; it lasts until the hub restarts unless the hub has SODALITE_SECRET_KEY. Create a long-lived API token with it (POST /api/v1/tokens/create).")
            .AcceptsForm("application/x-www-form-urlencoded", "The user's credentials, as form fields.",
                new FormField("username", JsonSchemaType.String, "The sign-in name.", Required: true),
                new FormField("password", JsonSchemaType.String, "The password.", Required: true, Format: "password"))
            .Produces<IssuedToken>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status401Unauthorized);

        app.MapPost("/api/v1/tokens/create", async (HttpContext http, HubDb db, TimeProvider time) =>
        {
            int userId = UserId(http);
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId);
            if (user is null) return Http.Json(new { detail = $"User {userId} no longer exists." }, statusCode: 401);
            var now = time.GetUtcNow();
            var expires = now.AddYears(1);
            string token = ApiTokens.New(user.Id, user.Username, user.Role, now, expires);
            string name = http.Request.Query["name"].FirstOrDefault() ?? $"token {now:yyyy-MM-dd HH:mm}";
            db.ApiTokens.Add(new ApiToken { UserId = userId, Name = name, TokenHash = ApiTokens.HashOf(token), CreatedAt = now, ExpiresAt = expires });
            await db.SaveChangesAsync();
            return Http.Ok(new IssuedToken(token, "api"));
        }).RequireAuthorization(Policies.Read)
            .WithTags("auth").WithName("createApiToken").WithSummary("Create an API token for the signed-in user")
            .WithDescription("Answers a new API token (a JWT with claims sub, name, role, scopes and type \"api\", as QALITA's; shown once, stored hashed, valid a year). It acts with the user's current role.")
            .WithQueryParameter("name", JsonSchemaType.String, "A name for the token (default: \"token\" and the time).")
            .Produces<IssuedToken>();

        app.MapGet("/api/v2/users/{id:int}", async (int id, HubDb db) =>
            await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new UserInfo(u.Id, u.Username, u.Role, u.CreatedAt)).FirstOrDefaultAsync() is { } user
                ? Http.Ok(user) : Http.NoContent()).RequireAuthorization(Policies.Read)
            .WithTags("auth").WithName("getUser").WithSummary("A user, by id (204 when there is none, as QALITA answers)")
            .Produces<UserInfo>().Produces(StatusCodes.Status204NoContent);

        app.MapPost("/api/v2/users", async (NewUser body, HubDb db, TimeProvider time) =>
        {
            if (string.IsNullOrWhiteSpace(body.Username) || string.IsNullOrEmpty(body.Password) || body.Password.Length < 8)
                return Http.BadRequest(new { detail = "username is required and password must have at least 8 characters.", field = string.IsNullOrWhiteSpace(body.Username) ? "username" : "password" });
            if (InputGuard.KeyProblem(body.Username) is { } nameProblem) return Http.BadRequest(new { detail = $"username {nameProblem}.", field = "username" });
            if (!Roles.All.Contains(body.Role)) return Http.BadRequest(new { detail = $"role must be one of {string.Join(", ", Roles.All)}.", field = "role" });
            if (await db.Users.AnyAsync(u => u.Username == body.Username)) return Http.Conflict(new { detail = $"User {body.Username} already exists." });
            var user = new User { Username = body.Username, PasswordHash = Passwords.Hash(body.Password), Role = body.Role, CreatedAt = time.GetUtcNow() };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            return Http.Created($"/api/v2/users/{user.Id}", new UserCreated(user.Id, user.Username, user.Role));
        }).RequireAuthorization(Policies.Admin)
            .WithTags("auth").WithName("createUser").WithSummary("Create a user with a role")
            .Produces<UserCreated>(StatusCodes.Status201Created)
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status409Conflict);
    }

    /// <summary>
    /// The signed-in user's id (the <c>sub</c> claim). Only for authenticated requests: throws <see cref="NullReferenceException"/>
    /// without the claim and <see cref="FormatException"/> when it is not a number.
    /// </summary>
    public static int UserId(HttpContext http) => int.Parse(http.User.FindFirst("sub")!.Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The signed-in user's name (the <c>name</c> claim), else "user ID" from <see cref="UserId"/> (which then may throw).</summary>
    public static string UserName(HttpContext http) => http.User.FindFirst("name")?.Value ?? $"user {UserId(http)}";
}
