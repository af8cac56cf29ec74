namespace Sodalite.Engine;

/// <summary>What a scan is doing when it reports <see cref="ScanProgress"/>.</summary>
public enum ScanStage
{
    /// <summary>Opening a connection to a data source (or loading its files).</summary>
    Connecting,
    /// <summary>Running the planned queries of a data source (metrics, schemas, user queries).</summary>
    Querying,
    /// <summary>Collecting the failed-row samples of the checks that found failing rows.</summary>
    Sampling,
    /// <summary>The data is read: the summary follows (a live status ends here).</summary>
    Finished,
}
