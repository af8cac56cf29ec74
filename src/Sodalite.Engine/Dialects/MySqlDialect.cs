// MySQL / MariaDB (through MySqlConnector). Sessions run with ANSI_QUOTES and NO_BACKSLASH_ESCAPES, so identifiers quote
// and Soda's regexes pass as PostgreSQL takes them; regexes match case-sensitively as Soda's do ((?-i) for PCRE).
namespace Sodalite.Engine.Dialects;

public sealed class MySqlDialect : SqlDialect
{
    public override string Name => "mysql";

    public override string RegexMatch(string expr, string regex) => $"{expr} REGEXP '(?-i){regex}'";

    protected override string FloatType => "DOUBLE";

    // REGEXP_REPLACE replaces every match and takes no flags here.
    public override string CastNumericText(string expr) =>
        $"CAST(NULLIF(REGEXP_REPLACE(REGEXP_REPLACE({expr}, '[^-0-9\\.\\,]', ''), ',', '.'), '') AS {FloatType})";

    // LENGTH counts bytes in MySQL; Soda's lengths are characters.
    public override string Length(string expr) => $"CHAR_LENGTH({expr})";

    // MySQL's STDDEV and VARIANCE are the population ones; Soda's (PostgreSQL's) are the sample ones.
    public override string Aggregate(string name) => name switch
    {
        "stddev" => "STDDEV_SAMP",
        "variance" => "VAR_SAMP",
        _ => base.Aggregate(name),
    };

    /// <summary>MySQL and MariaDB have no PERCENTILE_DISC aggregate: null (the planner reports the check).</summary>
    public override string? Percentile(string expr, string fraction) => null;

    public override string CreateTempTableAs(string name, string select) => $"CREATE TEMPORARY TABLE {name} AS\n{select}";

    public override string CurrentSchema => "DATABASE()";

    public override string SampleTypeName(string dataTypeName) => dataTypeName.ToLowerInvariant();

    protected override string[][] TypeSynonyms =>
    [
        ["varchar", "character varying", "text"],
        ["double", "double precision", "float8"],
        ["int", "integer", "int4"],
        ["bigint", "int8"],
        // TIMESTAMP stores instants (UTC), like PostgreSQL's timestamptz; DATETIME is the naive one.
        ["timestamp", "timestamptz", "timestamp with time zone"],
        ["datetime", "timestamp without time zone"],
    ];
}
