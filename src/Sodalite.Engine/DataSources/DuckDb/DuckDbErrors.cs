// DuckDB's errors read by their type (https://duckdb.org/docs/stable/dev/internal_errors): DuckDB.NET gives the type of an error met
// while executing (DuckDBException.ErrorType) but not of one met while preparing (Catalog, Binder, Parser): those read "Invalid", and
// the message starts with the type as DuckDB names it ("Catalog Error: ...").
using System.Data.Common;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Sodalite.Engine.DataSources.DuckDb;

public static partial class DuckDbErrors
{
    /// <summary>DuckDB.NET's error as a <see cref="DataSourceException"/>.</summary>
    public static DataSourceException Classify(DbException e)
    {
        if (e is not DuckDBException duck) return DataSourceException.Unclassified(e);
        var type = TypeOf(duck);
        var kind = Kind(type, duck.Message);
        // In process, only a network read (httpfs) can fail for a while and then work.
        return new DataSourceException(duck, type.ToString(), kind, type is DuckDBErrorType.Network or DuckDBErrorType.Connection,
            kind is QueryErrorKind.DatasetNotFound or QueryErrorKind.NameNotResolved ? NameIn(duck.Message) : null);
    }

    /// <summary>The error's type: DuckDB.NET's when it has one, else the one the message starts with.</summary>
    public static DuckDBErrorType TypeOf(DuckDBException e)
    {
        if (e.ErrorType != DuckDBErrorType.Invalid) return e.ErrorType;
        if (TypePattern().Match(e.Message) is not { Success: true } m) return DuckDBErrorType.Invalid;
        // DuckDB's names, spaces left out: "Invalid Input" is InvalidInput, "Out of Range" OutOfRange, "IO" Io.
        string name = m.Groups["type"].Value.Replace(" ", "", StringComparison.Ordinal) switch
        {
            "TransactionContext" => nameof(DuckDBErrorType.Transaction),
            "ExtensionAutoloading" => nameof(DuckDBErrorType.Autoload),
            var n => n,
        };
        return Enum.TryParse<DuckDBErrorType>(name, ignoreCase: true, out var type) ? type : DuckDBErrorType.Invalid;
    }

    public static QueryErrorKind Kind(DuckDBErrorType type, string message) => type switch
    {
        // "Table with name x does not exist!", also for a view, a schema or an attached database; a function or a type is a name.
        DuckDBErrorType.Catalog when DatasetMissing().IsMatch(message) => QueryErrorKind.DatasetNotFound,
        DuckDBErrorType.Catalog when message.Contains(" does not exist", StringComparison.Ordinal) => QueryErrorKind.NameNotResolved,
        // "Referenced column "x" not found in FROM clause!", "Referenced table "q" not found!", "No function matches ... argument types".
        DuckDBErrorType.Binder when message.Contains("Referenced ", StringComparison.Ordinal) || message.Contains("No function matches", StringComparison.Ordinal)
            => QueryErrorKind.NameNotResolved,
        DuckDBErrorType.Parser or DuckDBErrorType.Syntax => QueryErrorKind.Syntax,
        DuckDBErrorType.Permission => QueryErrorKind.AccessDenied,
        _ => QueryErrorKind.Other,
    };

    [GeneratedRegex(@"^(?<type>[A-Za-z ]+?) Error: ")]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"(?:^|Error: )(?:Table|View|Schema|Catalog) with name \S")]
    private static partial Regex DatasetMissing();

    /// <summary>Table with name x does not exist · Table with name "s.t" does not exist · Scalar Function with name f does not exist · Referenced column "x" not found.</summary>
    [GeneratedRegex("""with name (?:"(?<n>[^"]+)"|(?<n>.+?)) does not exist|Referenced (?:column|table) "(?<n>[^"]+)" not found""")]
    private static partial Regex NamePattern();

    private static string? NameIn(string message) => NamePattern().Match(message) is { Success: true } m ? m.Groups["n"].Value : null;
}
