// The database's refusals that come from a request, not from the hub: a unique key a concurrent request stored first, text a store
// cannot keep (a NUL or an unpaired surrogate in a query parameter). They answer 409 and 400, never 500.
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sodalite.Hub.Ingestion;

/// <summary>Classifies an exception from the database (or its driver) that a request caused.</summary>
public static class DatabaseRefusal
{
    /// <summary>
    /// (409, ...) for a unique key taken by a concurrent request (PostgreSQL 23505, SQLite's unique and primary key constraints);
    /// (400, ...) for text the database cannot take (PostgreSQL 22021, 22P05, 22001, 54000; an encoder failure on an unpaired
    /// surrogate); null for anything else, which stays a server error.
    /// </summary>
    public static (int Status, string Detail)? Classify(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }:
                case SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }:
                    return (409, "This conflicts with what another request stored at the same moment: read it back, or send it again.");
                case PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter }:
                    return (400, "A value holds a NUL character (\\u0000), which the hub cannot store or look up.");
                case PostgresException { SqlState: PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.ProgramLimitExceeded }:
                    return (400, $"A value is too long for the hub to keep (names and identities: at most {InputGuard.MaxKeyLength:N0} characters).");
                case EncoderFallbackException:
                    return (400, "A value holds an unpaired UTF-16 surrogate, which is not text.");
            }
        }
        return null;
    }
}
