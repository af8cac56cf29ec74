// MySQL's and MariaDB's errors read by their error number (https://mariadb.com/kb/en/mariadb-error-code-reference/).
using System.Data.Common;
using System.Text.RegularExpressions;
using MySqlConnector;

namespace Sodalite.Engine.DataSources.MySql;

public static partial class MySqlErrors
{
    /// <summary>MySqlConnector's error as a <see cref="DataSourceException"/>.</summary>
    public static DataSourceException Classify(DbException e)
    {
        if (e is not MySqlException my) return DataSourceException.Unclassified(e);
        var kind = Kind(my.Number);
        // Number 0 is the client's own failure without a server error (the connection was lost while reading): no code.
        return new DataSourceException(my, my.Number == 0 ? null : my.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), kind,
            IsTransient(my), kind is QueryErrorKind.DatasetNotFound or QueryErrorKind.NameNotResolved ? NameIn(my.Message) : null);
    }

    public static QueryErrorKind Kind(int number) => number switch
    {
        1146 or 1049 => QueryErrorKind.DatasetNotFound, // ER_NO_SUCH_TABLE, ER_BAD_DB_ERROR
        1054 or 1305 or 1109 or 1630 => QueryErrorKind.NameNotResolved, // ER_BAD_FIELD_ERROR, ER_SP_DOES_NOT_EXIST (a function), ER_UNKNOWN_TABLE (a qualifier), ER_FUNC_INEXISTENT_NAME_COLLISION
        1064 or 1149 => QueryErrorKind.Syntax, // ER_PARSE_ERROR, ER_SYNTAX_ERROR
        1142 or 1143 or 1044 or 1227 => QueryErrorKind.AccessDenied, // table, column, database access denied; ER_SPECIFIC_ACCESS_DENIED_ERROR
        _ => QueryErrorKind.Other,
    };

    /// <summary>
    /// MySqlConnector's own transient numbers (too many connections, deadlock, lock wait timeout, cannot connect), and: its command
    /// timeout (-1), the server gone or lost (2006, 2013), shut down (1053) or the connection killed (1927), network errors
    /// (1158-1161), too many user connections (1203), a statement's time limit (MariaDB 1969, MySQL 3024), disconnected for
    /// inactivity (4031); and any failure to read or write the connection (number 0 around an I/O error).
    /// </summary>
    public static bool IsTransient(MySqlException e) =>
        e.IsTransient
        || e.Number is -1 or 1040 or 1053 or 1158 or 1159 or 1160 or 1161 or 1203 or 1205 or 1213 or 1614 or 1927 or 1969 or 2006 or 2013 or 3024 or 4031
        || (e.Number == 0 && e.InnerException is IOException or System.Net.Sockets.SocketException or TimeoutException);

    /// <summary>Table 'db.t' doesn't exist · Unknown column 'x' in 'SELECT' · Unknown table 'q' · FUNCTION db.f does not exist.</summary>
    [GeneratedRegex("""^(?:Table|Unknown column|Unknown table|Unknown database) '(?<n>[^']+)'|^FUNCTION (?<n>\S+) does not exist""")]
    private static partial Regex NamePattern();

    private static string? NameIn(string message) => NamePattern().Match(message) is { Success: true } m ? m.Groups["n"].Value : null;
}
