// `sodalite serve`: builds the hub web application (minimal APIs grouped by feature) over SQLite or PostgreSQL.
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sodalite.Hub.Auth;
using Sodalite.Hub.Data;
using Sodalite.Hub.Endpoints;
using Sodalite.Hub.Ingestion;
using Sodalite.Hub.OpenApi;
using Sodalite.Hub.Pages;
using Http = Microsoft.AspNetCore.Http.Results;

namespace Sodalite.Hub;

/// <summary>Builds and prepares the hub web application.</summary>
public static class HubServer
{
    /// <summary>The hub's version, as GET /healthz and GET /api/v1/version report it.</summary>
    public const string Version = "0.1.0";

    /// <summary>
    /// The hub application, not started: storage chosen by <see cref="HubOptions.Database"/> (PostgreSQL for a postgres:// URL or a
    /// Host= connection string, else a SQLite file), bearer authentication, every route group, and JSON errors <c>{detail, field}</c>
    /// for bodies that do not bind or are too large. Call <see cref="PrepareAsync"/> before running it.
    /// </summary>
    /// <param name="options">The hub's settings.</param>
    /// <param name="first">Middleware to run before everything else (tests record what the hub receives).</param>
    public static WebApplication Build(HubOptions options, Action<WebApplication>? first = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxBodyBytes);
        builder.Logging.SetMinimumLevel(options.LogLevel);
        // EF Core warns on every first start that SQLite's 'PRAGMA foreign_keys' steps of a migration run outside its transaction:
        // expected for SQLite table rebuilds, and alarming to read. Errors still show.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Error);
        // A port in use is reported by `sodalite serve` in one line; the host's own error would add a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Services.AddSingleton(options.Time);
        builder.Services.AddSingleton(options);
        ConfigureStorage(builder.Services, options.Database ?? HubOptions.DefaultSqlitePath);
        byte[] key = options.SecretKey is { Length: > 0 } s ? SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(s)) : RandomNumberGenerator.GetBytes(32);
        builder.Services.AddSingleton(sp => new SessionTokens(key, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<SourceLocks>();
        builder.Services.AddScoped<IngestService>();
        builder.Services.AddScoped<DashboardQueries>();
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery();
        // The API takes bearer tokens; the pages sign in with a cookie at /login (PageEndpoints).
        builder.Services.AddAuthentication(BearerHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerHandler>(BearerHandler.SchemeName, null)
            .AddCookie(PageEndpoints.Scheme, o =>
            {
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/forbidden";
                o.Cookie.Name = "sodalite.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireAuthenticatedUser().RequireClaim("role", Roles.All))
            .AddPolicy(Policies.Write, p => p.RequireAuthenticatedUser().RequireClaim("role", Roles.Admin, Roles.DataEngineer))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireClaim("role", Roles.Admin))
            .AddPolicy(PageEndpoints.Read, p => p.AddAuthenticationSchemes(PageEndpoints.Scheme).RequireAuthenticatedUser().RequireClaim("role", Roles.All))
            .AddPolicy(PageEndpoints.Write, p => p.AddAuthenticationSchemes(PageEndpoints.Scheme).RequireAuthenticatedUser().RequireClaim("role", Roles.Admin, Roles.DataEngineer));
        builder.Services.AddHubOpenApi();
        // A body that does not bind (bad JSON, a wrong type) must say which field is wrong: let it throw, and answer below.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);

        var app = builder.Build();
        first?.Invoke(app);
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException) when (!context.Response.HasStarted && !context.Request.Path.StartsWithSegments("/api"))
            {
                // A page's form that does not bind: almost always a missing or stale antiforgery token (an old tab, another site).
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Form refused · Sodalite hub</title></head><body><main><h1>Form refused</h1>"
                    + "<p>The form was not sent from a current page of this hub (its security token is missing or expired). Go back, reload the page and try again.</p>"
                    + "<p><a href=\"/\">Overview</a></p></main></body></html>");
            }
            catch (InvalidDataException e) when (!context.Response.HasStarted && context.Request.HasFormContentType)
            {
                // ASP.NET Core's form reader refuses a NUL in a field, a field too long, too many fields.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new { detail = $"The form cannot be read: {e.Message}", field = "$" });
            }
            catch (StoredValueException e) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new { detail = e.Message, field = e.Field });
            }
            catch (Exception e) when (!context.Response.HasStarted && DatabaseRefusal.Classify(e) is { } refusal)
            {
                context.Response.StatusCode = refusal.Status;
                await context.Response.WriteAsJsonAsync(new { detail = refusal.Detail });
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                var json = e.InnerException as System.Text.Json.JsonException;
                context.Response.StatusCode = e.StatusCode;
                await context.Response.WriteAsJsonAsync(new
                {
                    detail = e.StatusCode == StatusCodes.Status413PayloadTooLarge
                        ? $"The body is larger than the hub accepts ({options.MaxBodyBytes:N0} bytes)."
                        : json is not null ? $"The JSON body does not match what this endpoint takes: {json.Message}" : e.Message,
                    field = json?.Path ?? "$",
                });
            }
        });
        app.UseAuthentication();
        app.UseAuthorization();
        // A JSON body with a number beyond double range (1e400) or a string that is not Unicode text is refused before any endpoint reads
        // it: kept, 1e400 would read back as Infinity, which no JSON answer can hold.
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            // A query parameter with a NUL or an unpaired surrogate matches nothing and PostgreSQL cannot take it: refused alike everywhere.
            if (request.Path.StartsWithSegments("/api"))
                foreach (var (name, values) in request.Query)
                    if (values.FirstOrDefault(v => v is not null && InputGuard.TextProblem(v) is not null) is { } bad)
                    {
                        context.Response.StatusCode = StatusCodes.Status400BadRequest;
                        await context.Response.WriteAsJsonAsync(new { detail = $"The query parameter {name} {InputGuard.TextProblem(bad)}.", field = name });
                        return;
                    }
            if (request.Path.StartsWithSegments("/api") && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
                && request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
                && context.GetEndpoint()?.Metadata.GetMetadata<ChecksItsOwnJson>() is null)
            {
                request.EnableBuffering();
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, context.RequestAborted);
                request.Body.Position = 0;
                (string Path, string Problem)? found = null;
                try
                {
                    using var json = System.Text.Json.JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
                    found = InputGuard.Find(json.RootElement);
                }
                catch (System.Text.Json.JsonException)
                {
                    // Not JSON: the endpoint says so in its own words.
                }
                if (found is { } problem)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await context.Response.WriteAsJsonAsync(new { detail = $"{problem.Path} {problem.Problem}.", field = problem.Path });
                    return;
                }
            }
            await next(context);
        });
        app.UseAntiforgery();
        app.MapGet("/healthz", () => Http.Ok(new { status = "ok", version = Version })).AllowAnonymous()
            .WithTags("hub").WithName("health").WithSummary("Whether the hub is up, and its version").Produces<HealthStatus>();
        HubOpenApi.Map(app);
        AuthEndpoints.Map(app);
        ScanEndpoints.Map(app);
        CatalogEndpoints.Map(app);
        HistoryEndpoints.Map(app);
        IssueEndpoints.Map(app);
        ScoreEndpoints.Map(app);
        QalitaEndpoints.Map(app);
        WorkerEndpoints.Map(app);
        AssetEndpoints.Map(app);
        SodaWebhookEndpoints.Map(app);
        SodaSamplerEndpoints.Map(app);
        PageEndpoints.Map(app);
        return app;
    }

    /// <summary>
    /// Creates or migrates the schema (and a SQLite file's folder), seeds QALITA's soda pack and makes sure the configured admin
    /// exists. Throws what the database provider throws (a <see cref="System.Data.Common.DbException"/>, <see cref="IOException"/>,
    /// <see cref="InvalidOperationException"/>, ...) when the database cannot be opened or migrated.
    /// </summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct = default)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var options = scope.ServiceProvider.GetRequiredService<HubOptions>();
        if (db is SqliteHubDb && db.Database.GetDbConnection().DataSource is { Length: > 0 } file && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir)
            Directory.CreateDirectory(dir);
        await db.Database.MigrateAsync(ct);
        // SQLite: write-ahead logging lets readers go on while a scan is written, and several hub processes share the file; writers
        // queue on the database's write lock (Microsoft.Data.Sqlite retries a busy database for the command timeout, 30 s).
        if (db is SqliteHubDb) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        // Two hub processes starting together on a new database may both seed: the unique keys keep one, and the other goes on.
        try
        {
            await QalitaEndpoints.SeedAsync(db, time, ct);
            if (options.AdminUsername is { Length: > 0 } name && options.AdminPassword is { Length: > 0 } password
                && !await db.Users.AnyAsync(u => u.Username == name, ct))
            {
                db.Users.Add(new User { Username = name, PasswordHash = Passwords.Hash(password), Role = Roles.Admin, CreatedAt = time.GetUtcNow() });
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DbUpdateException e) when (DatabaseRefusal.Classify(e) is { Status: 409 })
        {
            db.ChangeTracker.Clear();
        }
    }

    private static void ConfigureStorage(IServiceCollection services, string database)
    {
        if (database.StartsWith("postgres://", StringComparison.Ordinal) || database.StartsWith("postgresql://", StringComparison.Ordinal)
            || database.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            // The hub keeps no session state on a connection (its locks are transaction-scoped), so a pooled connection needs no
            // DISCARD ALL each time it is taken: one statement less per query.
            var cs = new Npgsql.NpgsqlConnectionStringBuilder(database.Contains("://", StringComparison.Ordinal) ? FromUrl(database) : database);
            if (!database.Replace(" ", "", StringComparison.Ordinal).Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase)) cs.NoResetOnClose = true;
            services.AddDbContextPool<PostgresHubDb>(o => o.UseNpgsql(cs.ConnectionString));
            services.AddScoped<HubDb>(sp => sp.GetRequiredService<PostgresHubDb>());
        }
        else
        {
            services.AddDbContextPool<SqliteHubDb>(o => o.UseSqlite($"Data Source={database}"));
            services.AddScoped<HubDb>(sp => sp.GetRequiredService<SqliteHubDb>());
        }
    }

    /// <summary>
    /// postgres://user:password@host:port/database → an Npgsql connection string (port 5432 and database postgres when left out;
    /// user, password and database percent-decoded). Throws <see cref="UriFormatException"/> when <paramref name="url"/> is not a URL.
    /// </summary>
    public static string FromUrl(string url)
    {
        var u = new Uri(url);
        var b = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = u.Host,
            Port = u.Port > 0 ? u.Port : 5432,
            Database = u.AbsolutePath.Trim('/') is { Length: > 0 } db ? Uri.UnescapeDataString(db) : "postgres",
        };
        if (u.UserInfo.Split(':', 2) is [var user, ..] && user.Length > 0) b.Username = Uri.UnescapeDataString(user);
        if (u.UserInfo.Split(':', 2) is [_, var pass]) b.Password = Uri.UnescapeDataString(pass);
        return b.ConnectionString;
    }
}
