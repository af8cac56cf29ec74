namespace Sodalite.Hub;

/// <summary>The hub's authorization policies, by role (<see cref="Auth.Roles"/>).</summary>
public static class Policies
{
    /// <summary>Any role: viewer, dataengineer or admin.</summary>
    public const string Read = "read";
    /// <summary>admin or dataengineer.</summary>
    public const string Write = "write";
    /// <summary>admin only.</summary>
    public const string Admin = "admin";
}
