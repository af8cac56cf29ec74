// The one exception a query's failure surfaces as from a DataSource, whatever the engine: its code, whether trying again may
// succeed, and what went wrong (QueryErrorKind). A DbException, so code catching DbException catches it as before.
using System.Data.Common;

namespace Sodalite.Engine.DataSources;

/// <summary>
/// A statement failed on a data source. <see cref="Code"/> is the engine's own code, <see cref="IsTransient"/> says whether the same
/// statement may succeed when run again, <see cref="Kind"/> what went wrong. A driver's error (Npgsql, MySqlConnector, DuckDB.NET) is
/// wrapped: it is the <see cref="Exception.InnerException"/>, and its message and text (<see cref="ToString"/>) stand for this one's,
/// so what users read and what results record is the driver's, as before. Not sealed: Sodalite's own ClickHouse client raises its
/// errors as a subtype, with nothing to wrap.
/// </summary>
public class DataSourceException : DbException
{
    /// <summary>The driver's error this one wraps; null for an error of Sodalite's own client.</summary>
    private readonly DbException? _original;

    /// <summary>An error raised by Sodalite's own client (nothing to wrap).</summary>
    public DataSourceException(string message, string? code, QueryErrorKind kind, bool isTransient, string? unresolvedName = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Kind = kind;
        IsTransient = isTransient;
        UnresolvedName = unresolvedName;
    }

    /// <summary>A driver's error, classified: same message, same HResult, same text.</summary>
    public DataSourceException(DbException original, string? code, QueryErrorKind kind, bool isTransient, string? unresolvedName = null)
        : base(original.Message, original)
    {
        _original = original;
        HResult = original.HResult;
        Code = code;
        Kind = kind;
        IsTransient = isTransient;
        UnresolvedName = unresolvedName;
        SqlState = string.IsNullOrEmpty(original.SqlState) ? null : original.SqlState;
    }

    /// <summary>A driver's error no mapping knows: its code is unknown, the driver says whether it is transient.</summary>
    public static DataSourceException Unclassified(DbException original) => new(original, null, QueryErrorKind.Other, original.IsTransient);

    /// <summary>
    /// The engine's code as text: PostgreSQL's SQLSTATE ("42P01"), the MySQL/MariaDB error number ("1146"), the ClickHouse code
    /// ("60"), DuckDB's error type ("Catalog"). Null when the engine gave none (the client lost the connection or timed out).
    /// </summary>
    public string? Code { get; }

    /// <summary>What went wrong, for the executor to act on.</summary>
    public QueryErrorKind Kind { get; }

    /// <summary>True when the same statement may succeed if run again: the connection was lost, a timeout, a serialization failure or deadlock, too many connections.</summary>
    public override bool IsTransient { get; }

    /// <summary>The SQLSTATE when the engine has them (PostgreSQL, MySQL/MariaDB); null otherwise.</summary>
    public override string? SqlState { get; }

    /// <summary>
    /// The missing dataset (<see cref="QueryErrorKind.DatasetNotFound"/>) or the name that does not resolve
    /// (<see cref="QueryErrorKind.NameNotResolved"/>), as the engine's message gives it (it may be qualified: "sales.orders", "q.a");
    /// null when the message does not name it.
    /// </summary>
    public string? UnresolvedName { get; }

    /// <summary>
    /// A wrapped driver error reads as the driver's error did before it was wrapped: its text (type, code, message, frames up to
    /// the data source), then the frames this exception went through from there to where it is caught.
    /// </summary>
    public override string ToString()
    {
        if (_original is null) return base.ToString();
        string text = _original.ToString();
        // The first frame is the data source method that threw this one, where the driver's frames already end.
        if (StackTrace is not { } trace || trace.IndexOf(Environment.NewLine, StringComparison.Ordinal) is not (var next and >= 0)) return text;
        return text + trace[next..];
    }
}
