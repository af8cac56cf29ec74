namespace Sodalite.Hub.Pages.Models;

/// <summary>
/// What every page knows about the request: the signed-in user (name, role, whether the role may act), the antiforgery form field
/// to put in every form, and the request path (for the navigation's current item).
/// </summary>
public sealed record PageContext(string? UserName, string? Role, bool CanWrite, string AntiforgeryField, string AntiforgeryToken, string Path);
