// ClickHouse, written for 18.16 (Debian's) and valid on newer servers: no CTEs or window functions, countIf, match() with the
// regex as an escaped string literal, lengthUTF8, the sample statistics by their ClickHouse names, and an exact
// PERCENTILE_DISC built from a sorted array (quantileExact picks the upper element of an even-sized set, PostgreSQL the lower).
// The catalog is system.columns / system.tables (information_schema only exists from 22.x on).
using Sodalite.Engine.DataSources.ClickHouse;

namespace Sodalite.Engine.Dialects;

public sealed class ClickHouseDialect : SqlDialect
{
    public override string Name => "clickhouse";

    /// <summary>ClickHouse string literals take backslash escapes: a backslash and a quote are escaped with one.</summary>
    public override string Literal(string value) => "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    // re2, case-sensitive, matching anywhere in the value like PostgreSQL's ~.
    public override string RegexMatch(string expr, string regex) => $"match({expr}, {Literal(regex)})";

    public override string CountIf(string cond) => $"countIf({cond})";

    // Kept duplicate keys, measured on 10M rows (bench clickhouse): Soda's sample query groups the table again (3.4 s on one node,
    // 4.5 s on two shards); rows IN the kept keys cost a filtered read. The keys live in a temporary table of the scan's HTTP session.

    /// <summary>
    /// Without CTEs (18.16), the count groups in a subquery and the duplicated rows are those whose key is IN the duplicated keys
    /// (the same rows as Soda's join, and no table alias, which distributed queries lose on their way to the shards); GLOBAL IN
    /// computes the keys once on the initiator and ships them to the shards.
    /// </summary>
    public override string DuplicateSql(IReadOnlyList<string> columns, string table, string filter, DuplicateRows rows)
    {
        string cols = string.Join(", ", columns);
        return rows == DuplicateRows.None
            ? $"\nSELECT COUNT(*)\nFROM (\n    SELECT COUNT(*) AS frequency\n    FROM {table}\n    WHERE {filter}\n    GROUP BY {cols}) frequencies\nWHERE frequency > 1"
            : $"\nSELECT *\nFROM {table}\nWHERE {(columns.Count == 1 ? cols : $"({cols})")} GLOBAL IN (\n    SELECT {cols}\n    FROM {table}\n    WHERE {filter}\n    GROUP BY {cols}\n    HAVING COUNT(*) {(rows == DuplicateRows.Duplicated ? "> 1" : "<= 1")})\n";
    }

    public override string CreateTempTableAs(string name, string select) => $"CREATE TEMPORARY TABLE {name} ENGINE = Memory AS\n{select}";

    // GLOBAL: a Distributed table's shards get the keys from the initiator, which holds the session's temporary table.
    public override string KeptKeysRowsSql(IReadOnlyList<string> columns, string table, string keysTable, int limit)
    {
        string cols = string.Join(", ", columns);
        return $"\nSELECT *\nFROM {table}\nWHERE {(columns.Count == 1 ? cols : $"({cols})")} GLOBAL IN (SELECT {cols} FROM {keysTable} LIMIT {limit})\nLIMIT {limit}";
    }

    // 18.16 has no boolean literals.
    public override string False => "0";

    // A text that is not a number after Soda's clean-up is NULL here (PostgreSQL fails the whole query on it).
    public override string CastNumericText(string expr) =>
        $"toFloat64OrNull(replaceRegexpAll(replaceRegexpAll({expr}, {Literal("[^-0-9\\.\\,]")}, ''), ',', '.'))";

    public override string Length(string expr) => $"lengthUTF8({expr})";

    public override string Aggregate(string name) => name switch
    {
        "stddev" or "stddev_samp" => "stddevSamp",
        "stddev_pop" => "stddevPop",
        "variance" or "var_samp" => "varSamp",
        "var_pop" => "varPop",
        _ => name.ToLowerInvariant(),
    };

    // Over no rows, ClickHouse answers a non-Nullable column's min/max/sum with the type's default (0); over a Nullable
    // argument, with NULL, as SQL does.
    public override string AggregateCall(string name, string expr) => $"{Aggregate(name)}(toNullable({expr}))";

    /// <summary>
    /// PERCENTILE_DISC(f): the first value whose cumulative share reaches f, i.e. element ceil(f*n) (at least 1) of the sorted
    /// non-NULL values; NULL when there are none.
    /// </summary>
    public override string Percentile(string expr, string fraction) =>
        $"if(count({expr}) = 0, NULL, arrayElement(arraySort(groupArray({expr})), toUInt64(greatest(1, ceil({fraction} * count({expr}))))))";

    public override string CurrentSchema => "currentDatabase()";

    public override string SampleTypeName(string dataTypeName) => ClickHouseTypes.Unwrap(dataTypeName);

    /// <summary>A column is nullable in ClickHouse only when its type says so; a schema check compares the type inside.</summary>
    public override bool IsSameType(string expected, string actual)
    {
        string a = ClickHouseTypes.Unwrap(actual);
        // DateTime('UTC') and DateTime64(3, 'UTC') are instants, PostgreSQL's timestamptz.
        if (a.StartsWith("DateTime", StringComparison.Ordinal) && a.Contains('\'')) a = "DateTime with time zone";
        return base.IsSameType(ClickHouseTypes.Unwrap(expected), a);
    }

    protected override string[][] TypeSynonyms =>
    [
        ["string", "varchar", "character varying", "text", "char", "character"],
        ["int8", "tinyint"],
        ["int16", "smallint", "int2"],
        ["int32", "integer", "int", "int4"],
        ["int64", "bigint"],
        ["float32", "real", "float4", "float"],
        ["float64", "double precision", "double", "float8"],
        ["datetime", "timestamp", "timestamp without time zone"],
        ["datetime with time zone", "timestamptz", "timestamp with time zone"],
    ];

    /// <summary>
    /// system.columns lists a table's columns in their order (18.16 has no position column to sort on). The catalog's names are
    /// case-sensitive, as ClickHouse's identifiers are.
    /// </summary>
    public override string SchemaSql(string table, string? schema)
    {
        (string? named, table) = SplitQualified(table);
        schema = named?.Trim('"', '`') ?? schema;
        string bare = table.Trim('"', '`');
        string db = schema is null ? CurrentSchema : Literal(schema);
        return $"SELECT name, type, if(type LIKE 'Nullable(%', 'YES', 'NO') AS is_nullable \nFROM system.columns \nWHERE table = {Literal(bare)} \n  AND database = {db}";
    }

    public override string TablesSql(IReadOnlyList<string> includes, IReadOnlyList<string> excludes, string? schema)
    {
        string db = schema is null ? CurrentSchema : Literal(schema);
        return "SELECT name \nFROM system.tables\nWHERE (" + string.Join(" OR ", includes.Select(p => $"name like {Literal(p)}"))
            + ")" + string.Concat(excludes.Select(p => $"\n      AND name not like {Literal(p)}")) + $"\n      AND database = {db}";
    }

    /// <summary>
    /// The same join, written for what 18.16 gets right. No table aliases: a distributed query loses them on its way to the shards,
    /// so the target's columns are renamed in a subquery and the source's stay unqualified (the source rows are "table.*"). A
    /// missing match is told by a marker column, not by the target's key being NULL: 18.16 fills an unmatched row's join key with
    /// the type's default ('' or 0) even under join_use_nulls, and other columns with NULL (join_use_nulls=1) or the default (0), hence
    /// ifNull(marker, 0). GLOBAL ALL spells out what the settings would say, so it runs for a readonly=1 user too, and ships the
    /// target to every shard once when both tables are Distributed.
    /// </summary>
    public override string ReferenceSql(string source, string target, IReadOnlyList<(string Source, string Target)> pairs, string? where, string? select,
        bool targetMissing, bool failing)
    {
        string Renamed(int i) => $"sodalite_target_{i}";
        string columns = string.Join(", ", pairs.Select((p, i) => $"{p.Target} AS {Renamed(i)}"));
        string join = string.Join(" AND ", pairs.Select((p, i) => $"{p.Source} = {Renamed(i)}"));
        string cond = string.Join(failing ? " OR " : " AND ",
            pairs.Select(p => $"({p.Source} IS NOT NULL AND ifNull(sodalite_target_found, 0) = {(targetMissing ? 0 : 1)})"));
        return $"\nSELECT {select ?? source + ".*"}\n    FROM {source}\n    GLOBAL ALL LEFT JOIN (SELECT {columns}, 1 AS sodalite_target_found FROM {target}) TARGET ON {join}" +
               $"\nWHERE {(where is null ? cond : $"{where} AND ({cond})")}";
    }
}
