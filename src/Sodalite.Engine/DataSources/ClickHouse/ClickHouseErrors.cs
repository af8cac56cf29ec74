// ClickHouse's errors read by their code (src/Common/ErrorCodes.cpp; the server writes "Code: N" in the error's body).
using System.Text.RegularExpressions;

namespace Sodalite.Engine.DataSources.ClickHouse;

public static partial class ClickHouseErrors
{
    public static QueryErrorKind Kind(int code) => code switch
    {
        60 or 81 => QueryErrorKind.DatasetNotFound, // UNKNOWN_TABLE, UNKNOWN_DATABASE
        // UNKNOWN_IDENTIFIER, UNKNOWN_FUNCTION, NO_SUCH_COLUMN_IN_TABLE, THERE_IS_NO_COLUMN, NOT_FOUND_COLUMN_IN_BLOCK, UNKNOWN_TYPE,
        // UNKNOWN_AGGREGATE_FUNCTION
        47 or 46 or 16 or 8 or 10 or 50 or 63 => QueryErrorKind.NameNotResolved,
        62 => QueryErrorKind.Syntax, // SYNTAX_ERROR
        164 or 291 or 497 => QueryErrorKind.AccessDenied, // READONLY, DATABASE_ACCESS_DENIED, ACCESS_DENIED
        _ => QueryErrorKind.Other,
    };

    /// <summary>
    /// Codes after which the same statement may succeed: TIMEOUT_EXCEEDED, TOO_SLOW, CANNOT_READ_FROM_SOCKET, CANNOT_WRITE_TO_SOCKET,
    /// TOO_MANY_SIMULTANEOUS_QUERIES, NO_FREE_CONNECTION, SOCKET_TIMEOUT, NETWORK_ERROR, NO_ACTIVE_REPLICAS, NO_AVAILABLE_REPLICA,
    /// ALL_CONNECTION_TRIES_FAILED, TOO_FEW_LIVE_REPLICAS, RECEIVED_ERROR_TOO_MANY_REQUESTS, ALL_REPLICAS_ARE_STALE,
    /// SESSION_IS_LOCKED, ALL_REPLICAS_LOST, CANNOT_SCHEDULE_TASK.
    /// </summary>
    public static bool IsTransient(int code) =>
        code is 159 or 160 or 95 or 96 or 202 or 203 or 209 or 210 or 254 or 265 or 279 or 285 or 364 or 369 or 373 or 415 or 439;

    /// <summary>
    /// An answer without a ClickHouse code whose HTTP status says to try again: a proxy's bad gateway, unavailable or timeout.
    /// </summary>
    public static bool IsTransientStatus(int status) => status is 502 or 503 or 504 or 429;

    /// <summary>
    /// The table or name in the server's message: "Table db.t doesn't exist" (18.16) / "does not exist" (newer), "Database d doesn't
    /// exist", "Unknown identifier: x" (18.16), "Missing columns: 'x'" or "Unknown expression identifier `x`" (newer), "Unknown function f".
    /// </summary>
    public static string? NameIn(QueryErrorKind kind, string message) =>
        kind is QueryErrorKind.DatasetNotFound or QueryErrorKind.NameNotResolved && NamePattern().Match(message) is { Success: true } m ? m.Groups["n"].Value : null;

    [GeneratedRegex("""^(?:Table|Database) (?<n>\S+?) does(?:n't| not) exist|^Unknown (?:table )?(?:expression )?(?:identifier|function|aggregate function|type):? [`']?(?<n>[^\s`',()]+)|^Missing columns: '(?<n>[^']+)'""")]
    private static partial Regex NamePattern();
}
