// Creating and loading tables on a ClickHouse node or cluster the tests and benchmarks start.
namespace Sodalite.TestSupport;

/// <summary>Tables in the database "sodalite" of one node, or spread over a cluster's nodes.</summary>
public static class ClickHouseTables
{
    /// <summary>
    /// Creates <paramref name="table"/> with ClickHouse column definitions. On one node it is a MergeTree table; on several, each
    /// node holds a MergeTree shard "sodalite_shards.{table}" and a Distributed table "sodalite.{table}" over all shards, rows placed
    /// by a hash of <paramref name="shardingKey"/>.
    /// </summary>
    public static async Task CreateAsync(IReadOnlyList<ClickHouseServer> nodes, string table, string columns, string shardingKey)
    {
        if (nodes.Count == 1)
        {
            await nodes[0].QueryAsync($"CREATE TABLE sodalite.{table} ({columns}) ENGINE = MergeTree ORDER BY tuple()");
            return;
        }
        foreach (var node in nodes)
        {
            await node.QueryAsync($"CREATE TABLE sodalite_shards.{table} ({columns}) ENGINE = MergeTree ORDER BY tuple()");
            await node.QueryAsync($"CREATE TABLE sodalite.{table} AS sodalite_shards.{table} " +
                                  $"ENGINE = Distributed({ClickHouseServer.ClusterName}, sodalite_shards, {table}, cityHash64({shardingKey}))");
        }
    }

    /// <summary>Inserts through the first node; a Distributed table forwards each row to its shard before returning.</summary>
    public static Task InsertAsync(IReadOnlyList<ClickHouseServer> nodes, string insert) =>
        nodes[0].QueryAsync(insert, "insert_distributed_sync=1&database=sodalite");

    /// <summary>Rows stored on each node itself (its shard, or the table on a single node).</summary>
    public static async Task<long[]> RowsPerNodeAsync(IReadOnlyList<ClickHouseServer> nodes, string table)
    {
        string local = nodes.Count == 1 ? "sodalite." + table : "sodalite_shards." + table;
        var counts = new List<long>();
        foreach (var node in nodes) counts.Add(long.Parse((await node.QueryAsync($"SELECT count() FROM {local}")).Trim(), System.Globalization.CultureInfo.InvariantCulture));
        return [.. counts];
    }
}
