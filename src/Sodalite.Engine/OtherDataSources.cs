using Sodalite.Engine.DataSources;

namespace Sodalite.Engine;

/// <summary>The other data sources a scan counts rows on, by configured name, connected for the scan and closed with it.</summary>
internal sealed class OtherDataSources : IAsyncDisposable
{
    /// <summary>The connected data sources by their configured name, in the order the checks first name them.</summary>
    public Dictionary<string, DataSource> Connected { get; } = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var ds in Connected.Values) await ds.DisposeAsync();
    }
}
