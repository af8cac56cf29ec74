using Microsoft.EntityFrameworkCore;

namespace Sodalite.Hub.Data;

/// <summary>The hub on PostgreSQL (instants as <c>timestamp with time zone</c>). Its migrations are in Migrations/Postgres.</summary>
public sealed class PostgresHubDb(DbContextOptions<PostgresHubDb> options) : HubDb(options);
