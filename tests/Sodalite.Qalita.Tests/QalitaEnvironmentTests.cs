// What qalita reads besides flags: the env file selected in $QALITA_HOME/.current_env, SKIP_SSL_VERIFY, the worker file's ids,
// the token's user, and the version it picks.
using System.Text;
using System.Text.Json.Nodes;

namespace Sodalite.Qalita.Tests;

public class QalitaEnvironmentTests
{
    [Fact]
    public void The_env_file_named_in_current_env_gives_what_the_process_does_not_set()
    {
        string home = Directory.CreateTempSubdirectory("qalita-home-").FullName;
        File.WriteAllText(Path.Combine(home, ".env-prod"), "# prod\nQALITA_WORKER_ENDPOINT=https://qalita.example/api\nexport QALITA_WORKER_TOKEN=\"from-file\"\nQALITA_WORKER_JOB_SOURCE=7\n");
        File.WriteAllText(Path.Combine(home, ".current_env"), Path.Combine(home, ".env-prod") + "\n");
        var process = new Dictionary<string, string?> { ["QALITA_HOME"] = home, ["QALITA_WORKER_TOKEN"] = "from-process" };

        var env = QalitaEnvironment.With(process.GetValueOrDefault);

        Assert.Equal("https://qalita.example/api", env("QALITA_WORKER_ENDPOINT"));
        Assert.Equal("from-process", env("QALITA_WORKER_TOKEN"));
        Assert.Equal("7", env("QALITA_WORKER_JOB_SOURCE"));
        Assert.Null(env("QALITA_WORKER_JOB_PACK"));
    }

    [Fact]
    public void A_relative_current_env_is_under_qalita_home_and_without_current_env_no_file_is_read()
    {
        string home = Directory.CreateTempSubdirectory("qalita-home-").FullName;
        File.WriteAllText(Path.Combine(home, ".env-dev"), "QALITA_WORKER_NAME=dev\n");
        var process = new Dictionary<string, string?> { ["QALITA_HOME"] = home };
        Assert.Null(QalitaEnvironment.With(process.GetValueOrDefault)("QALITA_WORKER_NAME"));

        File.WriteAllText(Path.Combine(home, ".current_env"), ".env-dev");

        Assert.Equal("dev", QalitaEnvironment.With(process.GetValueOrDefault)("QALITA_WORKER_NAME"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("YES", true)]
    [InlineData("on", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData(null, false)]
    public void Skip_ssl_verify_is_true_1_yes_or_on(string? value, bool skip) =>
        Assert.Equal(skip, QalitaEnvironment.SkipSslVerify(name => name == "SKIP_SSL_VERIFY" ? value : null));

    [Fact]
    public void The_worker_file_gives_the_agent_id_the_registry_and_the_user()
    {
        string home = Directory.CreateTempSubdirectory("qalita-home-").FullName;
        var data = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = 9 },
            ["context"] = new JsonObject { ["local"] = new JsonObject { ["token"] = "t", ["url"] = "https://q" }, ["remote"] = new JsonObject { ["id"] = 42, ["name"] = "w" } },
            ["registries"] = new JsonArray(new JsonObject { ["id"] = 3 }),
        };
        File.WriteAllText(Path.Combine(home, ".worker"), Convert.ToBase64String(Encoding.UTF8.GetBytes(data.ToJsonString(new() { WriteIndented = true }))));

        var worker = WorkerFile.Load(name => name == "QALITA_HOME" ? home : null);

        Assert.Equal(new QalitaWorker("t", "https://q", Path.Combine(home, ".worker"), 42, 3, 9), worker);
    }

    [Fact]
    public void The_user_id_is_the_tokens_sub_read_without_verifying_it()
    {
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(12, QalitaClient.UserIdOf($"{B64("{\"alg\":\"HS256\"}")}.{B64("{\"sub\":\"12\",\"role\":\"admin\"}")}.sig"));
        Assert.Null(QalitaClient.UserIdOf("sdl_not_a_jwt"));
    }

    [Theory]
    [InlineData(new[] { "1.0.0-rc.1", "1.0.0", "0.9.0" }, 1)]
    [InlineData(new[] { "1.10.0", "1.9.0" }, 0)]
    [InlineData(new[] { "1.0.0-rc.2", "1.0.0-rc.10" }, 1)]
    [InlineData(new[] { "not a version", "0.0.1" }, 1)]
    public void The_latest_version_is_the_highest_by_semantic_version_precedence(string[] versions, int latest) =>
        Assert.Equal(latest, QalitaClient.LatestIndex(versions));
}
