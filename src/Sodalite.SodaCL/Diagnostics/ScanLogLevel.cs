namespace Sodalite.SodaCL.Diagnostics;

/// <summary>A scan log's level; the results' logs[] write it in lower case (debug records only when verbose), as Soda does.</summary>
public enum ScanLogLevel
{
    /// <summary>Detail (queries and the like).</summary>
    Debug,
    /// <summary>Progress.</summary>
    Info,
    /// <summary>Something the user should look at; the scan goes on.</summary>
    Warning,
    /// <summary>Something failed: the scan has errors (hasErrors, exit code 3).</summary>
    Error,
}
