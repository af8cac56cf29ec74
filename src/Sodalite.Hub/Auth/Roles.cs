namespace Sodalite.Hub.Auth;

/// <summary>The hub's roles (QALITA's names), as stored in <see cref="Data.User.Role"/> and the tokens' <c>role</c> claim.</summary>
public static class Roles
{
    /// <summary>Reads, writes and creates users.</summary>
    public const string Admin = "admin";
    /// <summary>Reads and writes (pushes scans, uploads, changes issues).</summary>
    public const string DataEngineer = "dataengineer";
    /// <summary>Reads only.</summary>
    public const string Viewer = "viewer";
    /// <summary>Every role, in that order.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, DataEngineer, Viewer];
}
