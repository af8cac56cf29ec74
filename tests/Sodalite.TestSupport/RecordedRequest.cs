using System.Text;

namespace Sodalite.TestSupport;

/// <summary>A request as the recorder received it.</summary>
/// <param name="Method">GET, POST, PUT.</param>
/// <param name="PathAndQuery">The raw path and query, sub-path included.</param>
/// <param name="Headers">Request and content headers, names lowercase.</param>
/// <param name="Body">The body's bytes.</param>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The path without the query.</summary>
    public string Path => PathAndQuery.Split('?')[0];

    /// <summary>The body as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Body);
}
