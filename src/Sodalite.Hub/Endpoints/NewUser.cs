namespace Sodalite.Hub.Endpoints;

/// <summary>The JSON body of POST /api/v2/users (admins only).</summary>
/// <param name="Username">The sign-in name; must be new and not blank.</param>
/// <param name="Password">At least 8 characters.</param>
/// <param name="Role">admin, dataengineer or viewer.</param>
public sealed record NewUser(string Username, string Password, string Role);
