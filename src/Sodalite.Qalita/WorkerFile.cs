// The QALITA worker's local file ($QALITA_HOME/.worker, older .agent): base64 of JSON with context.local.token and url.
using System.Text;
using System.Text.Json.Nodes;

namespace Sodalite.Qalita;

public static class WorkerFile
{
    public static (string? Token, string? Url, string? Path) Read(Func<string, string?> env)
    {
        string home = env("QALITA_HOME") is { Length: > 0 } h ? h : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".qalita");
        foreach (var name in new[] { ".worker", ".agent" })
        {
            string path = Path.Combine(home, name);
            if (!File.Exists(path)) continue;
            try
            {
                var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(File.ReadAllText(path).Trim())));
                var local = json?["context"]?["local"];
                return ((string?)local?["token"], (string?)local?["url"], path);
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
            {
                throw new PushException(PushFailure.Rejected, $"{path} is not a QALITA worker file (base64 of JSON): run 'qalita worker login' again, or pass --token and --endpoint.");
            }
        }
        return (null, null, null);
    }
}
