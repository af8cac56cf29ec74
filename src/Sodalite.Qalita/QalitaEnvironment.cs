// The environment `qalita` reads (spec/qalita.md §2.7-§2.8): the process's variables, then the env file the UI selected
// ($QALITA_HOME/.current_env holds its path, usually $QALITA_HOME/.env-<name>, lines NAME=value).
namespace Sodalite.Qalita;

/// <summary>Variables as the qalita CLI sees them.</summary>
public static class QalitaEnvironment
{
    /// <summary>
    /// A lookup that answers from <paramref name="env"/> (the process), else from the selected env file; the file is read once,
    /// here. A missing or unreadable file adds nothing.
    /// </summary>
    public static Func<string, string?> With(Func<string, string?> env)
    {
        var file = Selected(env) is { } path ? Parse(path) : [];
        return name => env(name) is { Length: > 0 } v ? v : file.GetValueOrDefault(name);
    }

    /// <summary>The env file named by $QALITA_HOME/.current_env (a path; a relative one is under $QALITA_HOME); null when none exists.</summary>
    public static string? Selected(Func<string, string?> env)
    {
        string home = WorkerFile.Home(env);
        string current = Path.Combine(home, ".current_env");
        if (!File.Exists(current)) return null;
        string named = File.ReadAllText(current).Trim();
        if (named.Length == 0) return null;
        string path = Path.IsPathRooted(named) ? named : Path.Combine(home, named);
        return File.Exists(path) ? path : null;
    }

    /// <summary>NAME=value lines; blank lines, # comments and a leading <c>export </c> are skipped, quotes around a value removed.</summary>
    public static Dictionary<string, string> Parse(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line["export ".Length..].TrimStart();
            int eq = line.IndexOf('=');
            if (eq <= 0) continue;
            string value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0]) value = value[1..^1];
            values[line[..eq].Trim()] = value;
        }
        return values;
    }

    /// <summary>SKIP_SSL_VERIFY as the CLI reads it: true, 1, yes or on (any case).</summary>
    public static bool SkipSslVerify(Func<string, string?> env) =>
        (env("SKIP_SSL_VERIFY") ?? "").Trim().ToLowerInvariant() is "true" or "1" or "yes" or "on";
}
