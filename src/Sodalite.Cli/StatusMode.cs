namespace Sodalite.Cli;

/// <summary>How <see cref="ScanStatus"/> shows a scan's progress on stderr.</summary>
public enum StatusMode
{
    /// <summary>Nothing (stderr is not the process's own: an embedding program or a test).</summary>
    Off,
    /// <summary>A line per stage and dataset (stderr redirected to a file or a pipe, NO_COLOR set, or TERM=dumb).</summary>
    Plain,
    /// <summary>One status line redrawn in place on a terminal, erased before each console line and before the summary.</summary>
    Live,
}
