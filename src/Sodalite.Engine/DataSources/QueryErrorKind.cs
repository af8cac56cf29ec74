namespace Sodalite.Engine.DataSources;

/// <summary>
/// What went wrong with a statement, read from the engine's error code by that engine's mapping (PostgresErrors, MySqlErrors,
/// DuckDbErrors, ClickHouseErrors), so the executor can act on it without knowing any engine.
/// </summary>
public enum QueryErrorKind
{
    /// <summary>Anything else: a value the statement cannot compute (a bad regex, a failed cast), a limit, a lost connection.</summary>
    Other = 0,

    /// <summary>The dataset read in FROM (a table or view, or the schema or database it is looked up in) does not exist.</summary>
    DatasetNotFound,

    /// <summary>A name used in the statement does not resolve: a column, a table qualifier, a function, a type.</summary>
    NameNotResolved,

    /// <summary>The statement does not parse.</summary>
    Syntax,

    /// <summary>The user may not read what the statement reads.</summary>
    AccessDenied,
}
