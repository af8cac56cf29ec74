// What differs between engines in the SQL Sodalite generates.
namespace Sodalite.Engine.Dialects;

public abstract class SqlDialect
{
    public abstract string Name { get; }

    /// <summary>The table as queries name it: prefixed with the configured schema, unless the checks name its schema themselves.</summary>
    public virtual string QualifiedTable(string table, string? schema) => schema is null || SplitQualified(table).Schema is not null ? table : $"{schema}.{table}";

    /// <summary>"schema.table" → (schema, table); a dot inside quotes ("a.b", `a.b`) is part of a name.</summary>
    public static (string? Schema, string Table) SplitQualified(string name)
    {
        char? quote = null;
        for (int i = name.Length - 1; i >= 0; i--)
        {
            char c = name[i];
            if (quote is not null) { if (c == quote) quote = null; }
            else if (c is '"' or '`') quote = c;
            else if (c == '.') return (name[..i], name[(i + 1)..]);
        }
        return (null, name);
    }

    public abstract string RegexMatch(string expr, string regex);

    /// <summary>Counts the rows where a condition holds (NULL counts as false), as Soda writes it.</summary>
    public virtual string CountIf(string cond) => $"COUNT(CASE WHEN {cond} THEN 1 END)";

    /// <summary>A condition that never holds.</summary>
    public virtual string False => "FALSE";

    /// <summary>Text with a numeric format → a number, as Soda casts it.</summary>
    public virtual string CastNumericText(string expr) =>
        $"CAST(NULLIF(REGEXP_REPLACE(REGEXP_REPLACE({expr}, '[^-0-9\\.\\,]', '', 'g'), ',', '.', 'g'), '') AS {FloatType})";

    protected virtual string FloatType => "FLOAT";

    /// <summary>The discrete percentile of <paramref name="expr"/> at <paramref name="fraction"/> (Python repr of a float); null where the engine has none.</summary>
    public virtual string? Percentile(string expr, string fraction) => $"PERCENTILE_DISC({fraction}) WITHIN GROUP (ORDER BY {expr})";

    public virtual string Length(string expr) => $"LENGTH({expr})";

    /// <summary>The SQL aggregate for a Soda metric name (stddev, variance, min, ...).</summary>
    public virtual string Aggregate(string name) => name.ToUpperInvariant();

    /// <summary>The aggregate <paramref name="name"/> (a Soda metric name) over <paramref name="expr"/>; NULL over no values, as in SQL.</summary>
    public virtual string AggregateCall(string name, string expr) => $"{Aggregate(name)}({expr})";

    /// <summary>The SQL expression for the session's current schema (database).</summary>
    public virtual string CurrentSchema => "current_schema()";

    /// <summary>The sample column type name Soda reports for a database type.</summary>
    public abstract string SampleTypeName(string dataTypeName);

    /// <summary>
    /// Soda's duplicate query over the rows matching <paramref name="filter"/>: the count of key tuples seen more than once
    /// (<see cref="DuplicateRows.None"/>), or the rows whose key is duplicated (failing) or not (passing).
    /// </summary>
    public virtual string DuplicateSql(IReadOnlyList<string> columns, string table, string filter, DuplicateRows rows)
    {
        string cols = string.Join(", ", columns);
        if (rows == DuplicateRows.None)
            return $"\nWITH frequencies AS (\n    SELECT COUNT(*) AS frequency\n    FROM {table}\n    WHERE {filter}\n    GROUP BY {cols})\nSELECT COUNT(*)\nFROM frequencies\nWHERE frequency > 1";
        string join = string.Join(" AND ", columns.Select(c => $"main.{c} = frequencies.{c}"));
        return $"\nWITH frequencies AS (\n    SELECT {cols}\n    FROM {table}\n    WHERE {filter}\n    GROUP BY {cols}\n    HAVING COUNT(*) {(rows == DuplicateRows.Duplicated ? "> 1" : "<= 1")})\nSELECT main.*\nFROM {table} main\nJOIN frequencies ON {join}\n";
    }

    /// <summary>
    /// The duplicate count that keeps the duplicated key tuples in <paramref name="keysTable"/>, so the failed-rows sample joins
    /// those keys instead of grouping the whole table a second time (measured on 10M rows: DuckDB ~2 s → ~0.1 s): (create, count).
    /// </summary>
    public virtual (string Create, string Count) KeepDuplicateKeysSql(IReadOnlyList<string> columns, string table, string filter, string keysTable)
    {
        string cols = string.Join(", ", columns);
        return (CreateTempTableAs(keysTable, $"SELECT {cols}\nFROM {table}\nWHERE {filter}\nGROUP BY {cols}\nHAVING COUNT(*) > 1"),
            $"SELECT COUNT(*)\nFROM {keysTable}");
    }

    /// <summary>A table private to the session, made from a query (for kept duplicate keys).</summary>
    public virtual string CreateTempTableAs(string name, string select) => $"CREATE TEMP TABLE {name} AS\n{select}";

    /// <summary>Up to <paramref name="limit"/> rows whose key is among the first <paramref name="limit"/> kept duplicated keys.</summary>
    public virtual string KeptKeysRowsSql(IReadOnlyList<string> columns, string table, string keysTable, int limit)
    {
        // limit keys carry at least 2*limit rows, so the row count equals Soda's min(limit, rows in duplicate groups).
        string join = string.Join(" AND ", columns.Select(c => $"main.{c} = frequencies.{c}"));
        return $"\nSELECT main.*\nFROM {table} main\nJOIN (SELECT * FROM {keysTable} LIMIT {limit}) frequencies ON {join}\nLIMIT {limit}";
    }

    /// <summary>
    /// One aggregation statement: the select expressions over <paramref name="source"/>, filtered by <paramref name="where"/>
    /// (Soda's layout: "SELECT \n  a,\n  b \nFROM t\nWHERE w").
    /// </summary>
    public virtual string AggregationSql(IEnumerable<string> selectList, string source, string? where) =>
        "SELECT \n  " + string.Join(",\n  ", selectList) + " \nFROM " + source + (where is null ? "" : "\nWHERE " + where);

    /// <summary>A statement that reads nothing but fails when <paramref name="source"/> or <paramref name="where"/> does not resolve.</summary>
    public virtual string SourceProbeSql(string source, string? where) =>
        "SELECT 1 \nFROM " + source + (where is null ? "" : "\nWHERE " + where) + "\nLIMIT 0";

    /// <summary>
    /// How the aggregate metrics of one dataset are split into statements: at most <paramref name="maxPerStatement"/> expressions each,
    /// in order. PostgreSQL overrides it to give ordered-set aggregates a statement of their own.
    /// </summary>
    public virtual IReadOnlyList<IReadOnlyList<T>> BatchAggregates<T>(IReadOnlyList<T> metrics, Func<T, bool> isOrderedSet, int maxPerStatement) =>
        [.. metrics.Chunk(maxPerStatement)];

    /// <summary>Type names a schema check treats as the same (beyond equal ignoring case), each group written lowercase.</summary>
    protected virtual string[][] TypeSynonyms => [];

    /// <summary>Whether an expected column type (as written in a schema check) matches the catalog's type.</summary>
    public virtual bool IsSameType(string expected, string actual)
    {
        string e = expected.Trim().ToLowerInvariant(), a = actual.Trim().ToLowerInvariant();
        return e == a || TypeSynonyms.Any(g => g.Contains(e) && g.Contains(a));
    }

    /// <summary>The catalog query for a table's columns (name, type, nullable), in column order.</summary>
    public virtual string SchemaSql(string table, string? schema)
    {
        (string? named, table) = SplitQualified(table);
        schema = named?.Trim('"') ?? schema;
        string bare = table.Trim('"');
        // Unquoted names are case-insensitive; a quoted name is matched exactly.
        string nameMatch = table.StartsWith('"') ? $"table_name = {Literal(bare)}" : $"lower(table_name) = {Literal(bare.ToLowerInvariant())}";
        string schemaMatch = schema is null ? $"table_schema = {CurrentSchema}" : $"lower(table_schema) = {Literal(schema.ToLowerInvariant())}";
        return $"SELECT column_name, data_type, is_nullable \nFROM information_schema.columns \nWHERE {nameMatch} \n  AND {schemaMatch} \nORDER BY ORDINAL_POSITION";
    }

    /// <summary>The catalog query for the tables whose names match any include pattern and no exclude pattern (SQL LIKE patterns).</summary>
    public virtual string TablesSql(IReadOnlyList<string> includes, IReadOnlyList<string> excludes, string? schema)
    {
        string schemaMatch = schema is null ? $"table_schema = {CurrentSchema}" : $"lower(table_schema) = {Literal(schema.ToLowerInvariant())}";
        return "SELECT table_name \nFROM information_schema.tables\nWHERE (" + string.Join(" OR ", includes.Select(p => $"table_name like {Literal(p)}"))
            + ")" + string.Concat(excludes.Select(p => $"\n      AND table_name not like {Literal(p)}")) + $"\n      AND {schemaMatch}";
    }

    /// <summary>A string literal (quotes doubled).</summary>
    public virtual string Literal(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>
    /// Soda's reference query: the source rows LEFT JOINed to the target on the column pairs (double spaces as Soda writes them).
    /// A row is selected when a source value is set and its target <paramref name="targetMissing"/> (or present); the conditions are
    /// OR-ed for failing rows and AND-ed for passing ones. <paramref name="select"/> null selects the source rows.
    /// </summary>
    public virtual string ReferenceSql(string source, string target, IReadOnlyList<(string Source, string Target)> pairs, string? where, string? select,
        bool targetMissing, bool failing)
    {
        string join = string.Join(" AND ", pairs.Select(p => $"SOURCE.{p.Source} = TARGET.{p.Target}"));
        string cond = string.Join(failing ? " OR " : " AND ",
            pairs.Select(p => $"(SOURCE.{p.Source} IS NOT NULL AND TARGET.{p.Target} IS {(targetMissing ? " NULL" : "NOT NULL")})"));
        return $"\nSELECT {select ?? "SOURCE.*"}\n    FROM {source}  SOURCE\n    LEFT JOIN {target} TARGET on {join}\nWHERE {(where is null ? cond : $"{where} AND ({cond})")}";
    }
}
