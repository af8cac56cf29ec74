namespace Sodalite.Hub.Endpoints;

/// <summary>
/// A token the hub issued: a session JWT from POST /api/v1/auth/signin (token_type "bearer"), or an API token (a JWT with type "api") from
/// POST /api/v1/tokens/create (token_type "api", shown once, valid a year). Either goes in <c>Authorization: Bearer &lt;token&gt;</c>.
/// </summary>
/// <param name="AccessToken">The token.</param>
/// <param name="TokenType">"bearer" for a session token, "api" for an API token.</param>
public sealed record IssuedToken(string AccessToken, string TokenType);
