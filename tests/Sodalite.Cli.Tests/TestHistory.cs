// Every `sodalite scan` keeps a metric history, by default under the user's data folder. The tests of this assembly keep theirs
// in one temporary file instead ($SODALITE_HISTORY), so they never write into the home folder of whoever runs them.
using System.Runtime.CompilerServices;

namespace Sodalite.Cli.Tests;

internal static class TestHistory
{
    [ModuleInitializer]
    internal static void KeepHistoryInATemporaryFile() =>
        Environment.SetEnvironmentVariable("SODALITE_HISTORY", Path.Combine(Directory.CreateTempSubdirectory("sodalite-history-").FullName, "history.db"));
}
