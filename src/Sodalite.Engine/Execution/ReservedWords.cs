// SQL reserved words that an engine refuses as a bare table name (the SQL standard's, and PostgreSQL's, DuckDB's and MySQL's
// common ones). Soda writes a table name as the checks file spells it, so `checks for order:` is a syntax error there as here;
// the error then says to quote the name, as Soda needs it too.
namespace Sodalite.Engine.Execution;

internal static class ReservedWords
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "between", "both", "by", "case", "cast", "check",
        "collate", "column", "constraint", "create", "cross", "current_catalog", "current_date", "current_role", "current_time",
        "current_timestamp", "current_user", "default", "deferrable", "delete", "desc", "distinct", "do", "else", "end", "except",
        "false", "fetch", "for", "foreign", "from", "full", "grant", "group", "having", "in", "index", "initially", "inner", "insert",
        "intersect", "interval", "into", "is", "join", "key", "lateral", "leading", "left", "like", "limit", "localtime",
        "localtimestamp", "natural", "not", "null", "offset", "on", "only", "or", "order", "outer", "partition", "placing", "primary",
        "range", "references", "returning", "right", "rows", "select", "session_user", "set", "some", "symmetric", "table", "then",
        "to", "trailing", "true", "union", "unique", "update", "user", "using", "values", "variadic", "when", "where", "window", "with",
    };

    /// <summary>
    /// What to do when a query on <paramref name="table"/> failed and the name is a bare reserved word; else empty.
    /// </summary>
    public static string Hint(string? table) =>
        table is not null && Words.Contains(table)
            ? $"'{table}' is a reserved word in SQL, and the table name is used as the checks file writes it, as Soda does: quote it there, " +
              $"checks for \"{table}\": on PostgreSQL, DuckDB and ClickHouse, checks for `{table}`: on MariaDB/MySQL."
            : "";
}
