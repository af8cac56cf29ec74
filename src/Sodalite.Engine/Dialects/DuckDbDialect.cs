namespace Sodalite.Engine.Dialects;

public sealed class DuckDbDialect : SqlDialect
{
    public override string Name => "duckdb";

    public override string RegexMatch(string expr, string regex) => $"REGEXP_MATCHES({expr}, '{regex}')";

    protected override string FloatType => "DOUBLE";

    public override string SampleTypeName(string dataTypeName) => dataTypeName.ToLowerInvariant();

    // DuckDB's catalog says VARCHAR, DOUBLE, INTEGER...; these let a schema check written for PostgreSQL's names pass.
    protected override string[][] TypeSynonyms =>
    [
        ["varchar", "character varying", "text", "string"],
        ["double", "double precision", "float8"],
        ["float", "real", "float4"],
        ["integer", "int", "int4"],
        ["bigint", "int8"],
        ["smallint", "int2"],
        ["boolean", "bool"],
        ["timestamp", "timestamp without time zone"],
        ["timestamp with time zone", "timestamptz"],
    ];
}
