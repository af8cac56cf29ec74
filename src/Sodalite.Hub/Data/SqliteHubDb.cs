using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sodalite.Hub.Data;

/// <summary>The hub on SQLite (the default: a file). Its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteHubDb(DbContextOptions<SqliteHubDb> options) : HubDb(options)
{
    /// <summary>
    /// Stores each instant as a 64-bit integer of its UTC ticks and offset (<see cref="DateTimeOffsetToBinaryConverter"/>): SQLite
    /// cannot order DateTimeOffset.
    /// </summary>
    protected override void ConfigureTimestamp(ModelBuilder b, Type entity, string property) =>
        b.Entity(entity).Property(property).HasConversion(new DateTimeOffsetToBinaryConverter());
}
