namespace Sodalite.Engine.Dialects;

public sealed class PostgresDialect : SqlDialect
{
    public override string Name => "postgres";

    public override string RegexMatch(string expr, string regex) => $"{expr} ~ '{regex}'";

    public override bool IsolateOrderedSetAggregates => true;

    // Soda's PostgreSQL synonyms (spec/sodacl.md §2.7).
    protected override string[][] TypeSynonyms =>
    [
        ["character varying", "varchar", "text"],
        ["double precision", "decimal", "numeric"],
        ["timestamp without time zone", "timestamp"],
        ["timestamp with time zone", "timestamptz"],
    ];

    /// <summary>psycopg2 reports type OIDs that Soda maps to these short names.</summary>
    public override string SampleTypeName(string dataTypeName) => (dataTypeName.IndexOf('(') is int i and > 0 ? dataTypeName[..i] : dataTypeName) switch
    {
        "character varying" => "varchar",
        "double precision" => "float8",
        "real" => "float4",
        "integer" => "int4",
        "bigint" => "int8",
        "smallint" => "int2",
        "boolean" => "bool",
        "timestamp without time zone" => "timestamp",
        "timestamp with time zone" => "timestamptz",
        "character" => "bpchar",
        "time without time zone" => "time",
        var other => other,
    };
}
