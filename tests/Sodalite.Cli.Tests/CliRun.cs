// The in-process `sodalite` the CLI tests call: the real command line (SodaliteCli.RunAsync) with stdout and stderr captured.
namespace Sodalite.Cli.Tests;

/// <summary>Runs the CLI in this process and answers its exit code, stdout and stderr.</summary>
public static class CliRun
{
    /// <summary>Runs <c>sodalite ARGS</c>; stdout and stderr are strings (so no live progress is drawn).</summary>
    public static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int exit = await SodaliteCli.RunAsync(args, o, e);
        return (exit, o.ToString(), e.ToString());
    }
}
