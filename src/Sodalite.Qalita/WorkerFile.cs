// The QALITA worker's local file ($QALITA_HOME/.worker, older .agent): base64 of JSON with context.local.token and url, the
// worker row as context.remote (its id is the agent id of jobs), the user and the registries (spec/qalita.md §2.4, §2.8).
using System.Text;
using System.Text.Json.Nodes;

namespace Sodalite.Qalita;

/// <summary>Reads the file `qalita worker login` writes.</summary>
public static class WorkerFile
{
    /// <summary>$QALITA_HOME, else ~/.qalita.</summary>
    /// <param name="env">Looks a variable up by name; null when unset.</param>
    public static string Home(Func<string, string?> env) =>
        env("QALITA_HOME") is { Length: > 0 } h ? h : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".qalita");

    /// <summary>The token, URL and file path of the worker file; nulls when there is none. Throws <see cref="PushException"/> as <see cref="Load"/>.</summary>
    public static (string? Token, string? Url, string? Path) Read(Func<string, string?> env)
    {
        var w = Load(env);
        return (w.Token, w.Url, w.Path);
    }

    /// <summary>
    /// What the worker file holds (.worker, else the older .agent, under <see cref="Home"/>); all nulls when there is none. Throws
    /// <see cref="PushException"/> (Rejected) when the file is not base64 of JSON.
    /// </summary>
    public static QalitaWorker Load(Func<string, string?> env)
    {
        string home = Home(env);
        foreach (var name in new[] { ".worker", ".agent" })
        {
            string path = Path.Combine(home, name);
            if (!File.Exists(path)) continue;
            try
            {
                var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(File.ReadAllText(path).Trim())));
                var local = json?["context"]?["local"];
                return new QalitaWorker((string?)local?["token"], (string?)local?["url"], path, Id(json?["context"]?["remote"]?["id"]),
                    Id((json?["registries"] as JsonArray)?.FirstOrDefault()?["id"]), Id(json?["user"]?["id"]));
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
            {
                throw new PushException(PushFailure.Rejected, $"{path} is not a QALITA worker file (base64 of JSON): run 'qalita worker login' again, or pass --token and --endpoint.");
            }
        }
        return new QalitaWorker(null, null, null, null, null, null);
    }

    private static int? Id(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue(out int i) ? i : v.TryGetValue(out string? s) && int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out int p) ? p : null
        : null;
}
