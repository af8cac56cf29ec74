using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sodalite.Hub.Data;

/// <summary>For `dotnet ef migrations add` only: the design-time <see cref="SqliteHubDb"/>.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteHubDb>
{
    /// <summary>A context for the EF tools; <paramref name="args"/> are ignored.</summary>
    public SqliteHubDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHubDb>().UseSqlite("Data Source=design.db").Options);
}
