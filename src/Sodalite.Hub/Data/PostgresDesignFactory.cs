using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sodalite.Hub.Data;

/// <summary>For `dotnet ef migrations add` only: the design-time <see cref="PostgresHubDb"/>.</summary>
public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresHubDb>
{
    /// <summary>A context for the EF tools; <paramref name="args"/> are ignored.</summary>
    public PostgresHubDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHubDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
