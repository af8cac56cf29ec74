// Where a ClickHouse data source is, and the settings its queries run with.
namespace Sodalite.Engine.DataSources.ClickHouse;

/// <summary>Where and how to reach a ClickHouse server, and the settings every query of a scan runs with.</summary>
/// <remarks>
/// With a <see cref="SessionId"/>, every query runs in that HTTP session, so temporary tables made by one are seen by the next
/// (ClickHouse drops them when the session has been idle for session_timeout, 60 s by default). A session serves one query at a time.
/// </remarks>
public sealed record ClickHouseEndpoint(Uri BaseUri, string User, string? Password, string? Database, IReadOnlyDictionary<string, string> Settings,
    string? SessionId = null)
{
    /// <summary>
    /// Settings for the SQL written in the checks themselves (Sodalite's own SQL spells out what it needs and runs without them):
    /// an outer join's missing side is NULL, JOIN means ALL (18.16 has no default strictness), and a join of two Distributed
    /// tables ships the right side to every shard once. A readonly=1 user's queries go without them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> SodaSettings = new Dictionary<string, string>
    {
        ["join_use_nulls"] = "1",
        ["join_default_strictness"] = "ALL",
        ["distributed_product_mode"] = "global",
    };
}
