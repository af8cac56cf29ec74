// PostgreSQL's errors read by their SQLSTATE (https://www.postgresql.org/docs/current/errcodes-appendix.html).
using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace Sodalite.Engine.DataSources.Postgres;

public static partial class PostgresErrors
{
    /// <summary>query_canceled: a statement_timeout (or a cancel request) stopped the statement.</summary>
    public const string QueryCanceled = "57014";

    /// <summary>Npgsql's error as a <see cref="DataSourceException"/>.</summary>
    public static DataSourceException Classify(DbException e)
    {
        // Without SQLSTATE it is the client's own failure (the connection broke, query_timeout elapsed): Npgsql knows whether it is transient.
        if (e is not PostgresException pg) return DataSourceException.Unclassified(e);
        var kind = Kind(pg.SqlState, pg.MessageText);
        // Npgsql's transient SQLSTATEs (connection exceptions, admin shutdown, serialization failure, deadlock, too many connections...),
        // and a statement timeout, as its own client-side timeout is.
        return new DataSourceException(pg, pg.SqlState, kind, pg.IsTransient || pg.SqlState == QueryCanceled,
            kind is QueryErrorKind.DatasetNotFound or QueryErrorKind.NameNotResolved ? NameIn(pg.MessageText) : null);
    }

    public static QueryErrorKind Kind(string sqlState, string message) => sqlState switch
    {
        // undefined_table: "relation "x" does not exist"; but a qualifier without its table ("missing FROM-clause entry for table "q"") too.
        "42P01" => message.StartsWith("relation ", StringComparison.Ordinal) ? QueryErrorKind.DatasetNotFound : QueryErrorKind.NameNotResolved,
        "3F000" => QueryErrorKind.DatasetNotFound, // invalid_schema_name
        "42703" or "42883" or "42704" => QueryErrorKind.NameNotResolved, // undefined_column, undefined_function, undefined_object (a type)
        "42601" => QueryErrorKind.Syntax,
        "42501" => QueryErrorKind.AccessDenied, // insufficient_privilege
        _ => QueryErrorKind.Other,
    };

    /// <summary>relation "sales.orders" · column "x" · column t.x · function f(integer) · missing FROM-clause entry for table "q".</summary>
    [GeneratedRegex("""^(?:relation|column|function|type|schema) (?:"(?<n>[^"]+)"|(?<n>[^\s(]+))|FROM-clause entry for table "(?<n>[^"]+)"$""")]
    private static partial Regex NamePattern();

    private static string? NameIn(string message) => NamePattern().Match(message) is { Success: true } m ? m.Groups["n"].Value : null;
}
