// A table's columns come from the engine's catalog, in order (schemas.json lists them; schema checks will read them).
using Sodalite.Engine.DataSources;
using Sodalite.TestSupport;

namespace Sodalite.Engine.Tests.DataSources;

public class CatalogColumnsTests(PostgresServer pg) : IClassFixture<PostgresServer>
{
    private static DataSourceConfig Postgres(PostgresServer pg, string? schema) => new("pg", "postgres", new Dictionary<string, string?>
    {
        ["host"] = "127.0.0.1",
        ["port"] = pg.Port.ToString(),
        ["username"] = "postgres",
        ["password"] = "x",
        ["database"] = "postgres",
        ["schema"] = schema,
    });

    [Fact]
    public async Task Postgres_columns_are_read_from_the_configured_schema_in_order()
    {
        await pg.ExecuteAsync("create schema if not exists sales; drop table if exists sales.orders, public.orders; " +
                              "create table sales.orders (id int, \"Customer\" text, amount numeric(10,2)); create table public.orders (other int);");
        await using var ds = await DataSource.ConnectAsync(Postgres(pg, "sales"), CancellationToken.None);
        var columns = await ds.ColumnsAsync("ORDERS", CancellationToken.None);
        Assert.Equal([("id", "integer"), ("Customer", "text"), ("amount", "numeric")], columns);
        Assert.Empty(await ds.ColumnsAsync("no_such_table", CancellationToken.None));
    }

    [Fact]
    public async Task A_csv_has_the_columns_duckdb_infers_for_it()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("sodalite-cols-").FullName, "orders.csv");
        File.WriteAllText(path, "id,email,amount\n1,a@b.c,2.5\n");
        await using var ds = await DataSource.ConnectAsync(DataSourceConfig.ForFile(path), CancellationToken.None);
        Assert.Equal([("id", "BIGINT"), ("email", "VARCHAR"), ("amount", "DOUBLE")], await ds.ColumnsAsync("orders", CancellationToken.None));
    }
}
