namespace Sodalite.Hub.Endpoints;

/// <summary>A hub user, as GET /api/v2/users/{id} answers.</summary>
/// <param name="Id">The user's id.</param>
/// <param name="Username">The sign-in name.</param>
/// <param name="Role">admin, dataengineer or viewer.</param>
/// <param name="CreatedAt">When the user was created (UTC).</param>
public sealed record UserInfo(int Id, string Username, string Role, DateTimeOffset CreatedAt);
