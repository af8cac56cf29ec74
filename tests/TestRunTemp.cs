// Compiled into every test project (tests/Directory.Build.props): the temporary folders and files of a test run (the tests',
// the servers' they start, the CLI's own) go under one folder per test process, /tmp/sodalite-tests-PID, removed when the
// process ends (or by the next run, when a test host was killed), so a run leaves nothing behind in /tmp whatever each test
// cleans up itself.
using System.Runtime.CompilerServices;

namespace Sodalite.Tests;

internal static class TestRunTemp
{
    /// <summary>The folder this test process keeps its temporary files in.</summary>
    public static string Folder { get; private set; } = "";

#pragma warning disable CA2255 // A test assembly's one-time setup, before any test or fixture runs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Start()
    {
        string parent = Environment.GetEnvironmentVariable("TMPDIR") is { Length: > 0 } t ? t : "/tmp";
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        RemoveStale(parent);
        Folder = Path.Combine(parent, $"sodalite-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(Folder);
        // As /tmp (1777): servers the tests start as another user (postgres, mysql) reach their folders and write their own
        // temporary files inside it.
        File.SetUnixFileMode(Folder, UnixFileMode.StickyBit | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                     | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                                     | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        Environment.SetEnvironmentVariable("TMPDIR", Folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(Folder, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        };
    }

    /// <summary>
    /// Removes the folders of earlier test processes that are gone without removing theirs (a test host the runner killed).
    /// </summary>
    private static void RemoveStale(string parent)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, "sodalite-tests-*"))
        {
            if (!int.TryParse(Path.GetFileName(dir)["sodalite-tests-".Length..], out int pid) || pid == Environment.ProcessId) continue;
            try
            {
                using var running = System.Diagnostics.Process.GetProcessById(pid);
                continue;
            }
            catch (ArgumentException)
            {
                // No such process: its folder is left over.
            }
            try { Directory.Delete(dir, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }
}
