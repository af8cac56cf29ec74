namespace Sodalite.Hub.Endpoints;

/// <summary>The answer of POST /api/v2/users: the new user.</summary>
/// <param name="Id">The user's id.</param>
/// <param name="Username">The sign-in name.</param>
/// <param name="Role">admin, dataengineer or viewer.</param>
public sealed record UserCreated(int Id, string Username, string Role);
