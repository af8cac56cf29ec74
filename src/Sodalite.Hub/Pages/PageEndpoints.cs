// The hub's pages: server-rendered Razor components (static rendering, no client code), signed in with a cookie at /login.
// Any role reads; admins and data engineers act on issues. Forms carry an antiforgery token.
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sodalite.Hub.Auth;
using Sodalite.Hub.Data;
using Sodalite.Hub.Ingestion;
using Sodalite.Hub.Pages.Models;
using Http = Microsoft.AspNetCore.Http.Results;

namespace Sodalite.Hub.Pages;

/// <summary>Maps the pages: /login, /logout, /, /datasets/{id}, /checks/{id}, /issues, /issues/{id}, /scans, /scans/{id}, /assets/site.css.</summary>
public static class PageEndpoints
{
    /// <summary>The cookie scheme the pages sign in with.</summary>
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Policy: signed in with the cookie, any role.</summary>
    public const string Read = "page-read";

    /// <summary>Policy: signed in with the cookie as admin or dataengineer.</summary>
    public const string Write = "page-write";

    /// <summary>Maps every page route. Unauthenticated page requests are sent to /login; a role that may not act gets a 403 page.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/site.css", () => Http.Text(SiteCss.Text, "text/css; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/login", (HttpContext http, string? returnUrl) => Page<LoginPage>(http, new() { ["ReturnUrl"] = LocalOrRoot(returnUrl ?? http.Request.Query["ReturnUrl"]) }))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/login", async (HttpContext http, HubDb db, [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl) =>
        {
            var user = string.IsNullOrEmpty(username) ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == username);
            if (user is null || string.IsNullOrEmpty(password) || !Passwords.Verify(password, user.PasswordHash))
                return (IResult)Page<LoginPage>(http, new() { ["ReturnUrl"] = LocalOrRoot(returnUrl), ["Username"] = username, ["Error"] = "Incorrect username or password." }, 401);
            var identity = new ClaimsIdentity([new Claim("sub", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim("name", user.Username), new Claim("role", user.Role)],
                Scheme, "name", "role");
            await http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
            return Http.Redirect(LocalOrRoot(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(Scheme);
            return Http.Redirect("/login");
        }).RequireAuthorization(Read).ExcludeFromDescription();
        app.MapGet("/forbidden", (HttpContext http) => Page<MessagePage>(http,
            new() { ["Title"] = "Not allowed", ["Message"] = "Your role only reads: acting on issues needs the admin or dataengineer role." }, 403))
            .AllowAnonymous().ExcludeFromDescription();

        // Any other path: the API's JSON error under /api, else the not-found page.
        // A write whose body is not JSON misses the JSON routes (they match on Content-Type) and lands here: say so, not "no such route".
        app.MapFallback("{*path}", (HttpContext http) => http.Request.Path.StartsWithSegments("/api")
                ? (http.Request.Method is "POST" or "PUT" or "PATCH") && http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true && !http.Request.HasFormContentType
                    ? Http.Json(new { detail = $"{http.Request.Method} {http.Request.Path} takes a JSON body: send one with Content-Type: application/json (or, if this route does not exist, see /api/docs).", field = "$" }, statusCode: 415)
                    : Http.Json(new { detail = $"No such API route: {http.Request.Method} {http.Request.Path}. See /api/docs.", field = "$" }, statusCode: 404)
                : NotFound(http, $"There is no page at {http.Request.Path}."))
            .AllowAnonymous().ExcludeFromDescription();

        var pages = app.MapGroup("").RequireAuthorization(Read).ExcludeFromDescription();
        pages.MapGet("/", async (HttpContext http, DashboardQueries q, string? source, string? sort, bool? desc, int? page, CancellationToken ct) =>
            Page<OverviewPage>(http, new() { ["Model"] = await Timed(http, () => q.OverviewAsync(new ListQuery(http.Request.Query["q"], source, sort, desc ?? false, page ?? 1), ct)) }));
        pages.MapGet("/datasets/{id:int}", async (HttpContext http, DashboardQueries q, int id, CancellationToken ct) =>
            await Timed(http, () => q.DatasetAsync(id, ct)) is { } m ? Page<DatasetPage>(http, new() { ["Model"] = m }) : NotFound(http, $"There is no dataset {id}."));
        pages.MapGet("/checks/{id:int}", async (HttpContext http, DashboardQueries q, HubOptions options, int id, int? page, CancellationToken ct) =>
            await Timed(http, () => q.CheckAsync(id, page ?? 1, ct)) is { } m
                ? Page<CheckPage>(http, new() { ["Model"] = m, ["SamplesOff"] = !options.StoreSamples })
                : NotFound(http, $"There is no check {id}."));
        pages.MapGet("/issues", async (HttpContext http, DashboardQueries q, string? status, string? source, string? dataset, string? severity, string? assignee, int? page, CancellationToken ct) =>
        {
            var filter = new IssueFilter(IssueFilter.Statuses.Contains(status) ? status! : "open", Blank(source), Blank(dataset), Blank(severity), Blank(assignee), page ?? 1);
            return Page<IssuesPage>(http, new() { ["Model"] = await Timed(http, () => q.IssuesAsync(filter, ct)) });
        });
        pages.MapGet("/issues/{id:int}", async (HttpContext http, DashboardQueries q, int id, string? done, CancellationToken ct) =>
            await Timed(http, () => q.IssueAsync(id, CanWrite(http.User), ct)) is { } m
                ? Page<IssuePage>(http, new() { ["Model"] = m, ["Message"] = done is null ? null : $"Done: {done}." })
                : NotFound(http, $"There is no issue {id}."));
        pages.MapPost("/issues/{id:int}/actions", async (HttpContext http, HubDb db, DashboardQueries q, TimeProvider time, int id,
            [FromForm] string? action, [FromForm] string? assignee, [FromForm] string? note, CancellationToken ct) =>
        {
            var issue = await db.Issues.Include(i => i.Events).FirstOrDefaultAsync(i => i.Id == id, ct);
            if (issue is null) return NotFound(http, $"There is no issue {id}.");
            if (IssueActions.Apply(issue, action, assignee, note, http.User.FindFirst("name")?.Value ?? "someone", time.GetUtcNow()) is { } refused)
                return Page<IssuePage>(http, new() { ["Model"] = (await q.IssueAsync(id, true, ct))!, ["Error"] = refused.Detail }, refused.Status);
            await db.SaveChangesAsync(ct);
            // Post/redirect/get: a reload does not repeat the action.
            return Http.Redirect($"/issues/{id}?done={Uri.EscapeDataString(action!)}");
        }).RequireAuthorization(Write);
        pages.MapGet("/scans", async (HttpContext http, DashboardQueries q, string? source, int? page, CancellationToken ct) =>
            Page<ScansPage>(http, new() { ["Model"] = await Timed(http, () => q.ScansAsync(new ListQuery(null, Blank(source), null, false, page ?? 1), ct)) }));
        pages.MapGet("/scans/{id:int}", async (HttpContext http, DashboardQueries q, int id, CancellationToken ct) =>
            await Timed(http, () => q.ScanAsync(id, ct)) is { } m ? Page<ScanPage>(http, new() { ["Model"] = m }) : NotFound(http, $"There is no scan {id}."));
    }

    /// <summary>Awaits a page's reads and states their time in a <c>Server-Timing: queries;dur=MS</c> header (browsers' tools show it).</summary>
    private static async Task<T> Timed<T>(HttpContext http, Func<Task<T>> reads)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await reads();
        http.Response.Headers["Server-Timing"] = $"queries;dur={System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}";
        return result;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    /// <summary>True for the roles that may act (admin, dataengineer).</summary>
    public static bool CanWrite(ClaimsPrincipal user) => user.FindFirst("role")?.Value is Roles.Admin or Roles.DataEngineer;

    /// <summary>A local path to return to, else "/": never another site (open redirects).</summary>
    public static string LocalOrRoot(string? url) =>
        url is { Length: > 0 } u && u[0] == '/' && (u.Length == 1 || (u[1] != '/' && u[1] != '\\')) ? u : "/";

    private static IResult NotFound(HttpContext http, string message) =>
        Page<MessagePage>(http, new() { ["Title"] = "Not found", ["Message"] = message }, 404);

    private static RazorComponentResult<T> Page<T>(HttpContext http, Dictionary<string, object?> parameters, int status = 200)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var user = http.User.Identity?.IsAuthenticated == true ? http.User : null;
        parameters["Context"] = new PageContext(user?.FindFirst("name")?.Value, user?.FindFirst("role")?.Value, user is not null && CanWrite(user),
            tokens.FormFieldName, tokens.RequestToken ?? "", http.Request.Path.Value ?? "/");
        return new RazorComponentResult<T>(parameters) { StatusCode = status };
    }
}
