using System.Security.Cryptography;

namespace Sodalite.Hub.Auth;

/// <summary>Password hashes: PBKDF2-SHA256, 100,000 iterations, 16-byte random salt, 32-byte hash.</summary>
public static class Passwords
{
    private const int Iterations = 100_000;

    /// <summary>A new salted hash of <paramref name="password"/>: <c>pbkdf2-sha256$100000$salt$hash</c>, salt and hash in base64.</summary>
    public static string Hash(string password)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(16);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>
    /// True when <paramref name="password"/> matches <paramref name="stored"/> (a <see cref="Hash"/> result; its iteration count is
    /// read from it), compared in constant time; false for a hash of another form. A damaged hash throws: salt or hash not base64
    /// <see cref="FormatException"/>, an iteration count below 1 <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], out int iterations)) return false;
        byte[] expected = Convert.FromBase64String(parts[3]);
        byte[] actual = Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
