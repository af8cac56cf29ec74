// What differs between engines in the SQL Sodalite generates.
namespace Sodalite.Engine.Dialects;

public abstract class SqlDialect
{
    public abstract string Name { get; }

    public virtual string QualifiedTable(string table, string? schema) => schema is null ? table : $"{schema}.{table}";

    public abstract string RegexMatch(string expr, string regex);

    /// <summary>Text with a numeric format → a number, as Soda casts it.</summary>
    public virtual string CastNumericText(string expr) =>
        $"CAST(NULLIF(REGEXP_REPLACE(REGEXP_REPLACE({expr}, '[^-0-9\\.\\,]', '', 'g'), ',', '.', 'g'), '') AS {FloatType})";

    protected virtual string FloatType => "FLOAT";

    public virtual string Percentile(string expr, string fraction) => $"PERCENTILE_DISC({fraction}) WITHIN GROUP (ORDER BY {expr})";

    public virtual string Length(string expr) => $"LENGTH({expr})";

    /// <summary>The SQL aggregate for a Soda metric name (stddev, variance, min, ...).</summary>
    public virtual string Aggregate(string name) => name.ToUpperInvariant();

    /// <summary>Whether percentile (PERCENTILE_DISC as an aggregate) is available.</summary>
    public virtual bool SupportsPercentile => true;

    /// <summary>The SQL expression for the session's current schema (database).</summary>
    public virtual string CurrentSchema => "current_schema()";

    /// <summary>Does an ordered-set aggregate stop the engine from parallelizing its query?</summary>
    public virtual bool IsolateOrderedSetAggregates => false;

    /// <summary>The sample column type name Soda reports for a database type.</summary>
    public abstract string SampleTypeName(string dataTypeName);

    /// <summary>
    /// Whether a duplicate count may keep its duplicated keys in a temporary table, so the failed-rows sample joins
    /// those keys instead of grouping the whole table a second time.
    /// </summary>
    public virtual bool KeepsDuplicateKeys => false;

    /// <summary>Type names a schema check treats as the same (beyond equal ignoring case), each group written lowercase.</summary>
    protected virtual string[][] TypeSynonyms => [];

    /// <summary>Whether an expected column type (as written in a schema check) matches the catalog's type.</summary>
    public bool IsSameType(string expected, string actual)
    {
        string e = expected.Trim().ToLowerInvariant(), a = actual.Trim().ToLowerInvariant();
        return e == a || TypeSynonyms.Any(g => g.Contains(e) && g.Contains(a));
    }

    /// <summary>The catalog query for a table's columns (name, type, nullable), in column order.</summary>
    public virtual string SchemaSql(string table, string? schema)
    {
        string Lit(string v) => "'" + v.Replace("'", "''") + "'";
        string bare = table.Trim('"');
        // Unquoted names are case-insensitive; a quoted name is matched exactly.
        string nameMatch = table.StartsWith('"') ? $"table_name = {Lit(bare)}" : $"lower(table_name) = {Lit(bare.ToLowerInvariant())}";
        string schemaMatch = schema is null ? $"table_schema = {CurrentSchema}" : $"lower(table_schema) = {Lit(schema.ToLowerInvariant())}";
        return $"SELECT column_name, data_type, is_nullable \nFROM information_schema.columns \nWHERE {nameMatch} \n  AND {schemaMatch} \nORDER BY ORDINAL_POSITION";
    }
}
