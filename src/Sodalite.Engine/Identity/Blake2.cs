// Soda's ConsistentHashBuilder: BLAKE2b with a 4-byte digest over the UTF-8 parts, no separators.
using System.Text;
using Konscious.Security.Cryptography;

namespace Sodalite.Engine.Identity;

public static class Blake2
{
    /// <summary>8 hex characters, or null when no part is given (Soda then omits the hash).</summary>
    public static string? Hash(IEnumerable<string?> parts)
    {
        var bytes = new List<byte>();
        bool any = false;
        foreach (var p in parts)
        {
            if (p is null) continue;
            any = true;
            bytes.AddRange(Encoding.UTF8.GetBytes(p));
        }
        if (!any) return null;
        using var h = new HMACBlake2B(32);
        h.Initialize();
        return Convert.ToHexStringLower(h.ComputeHash([.. bytes]));
    }

    public static string Hash(params string[] parts) => Hash((IEnumerable<string?>)parts)!;
}
