namespace Sodalite.Cli;

/// <summary>
/// The variables of a <c>.env</c> file (Soda loads the one in the working folder, over the environment), read with DotNetEnv
/// without setting them in the process: the scan looks them up first, then the environment.
/// </summary>
public static class DotEnvFile
{
    /// <summary>Name → value of <paramref name="path"/>; empty when the file does not exist.</summary>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    public static Dictionary<string, string> Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return values;
        foreach (var (k, v) in DotNetEnv.Env.NoEnvVars().Load(path)) values[k] = v;
        return values;
    }
}
