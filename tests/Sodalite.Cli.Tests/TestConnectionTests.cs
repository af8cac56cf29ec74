// `sodalite test-connection`, as `soda test-connection`: against a real PostgreSQL cluster and a DuckDB file.
using Sodalite.TestSupport;

using static Sodalite.Cli.Tests.CliRun;

namespace Sodalite.Cli.Tests;

/// <summary>A PostgreSQL cluster and a DuckDB file, with a configuration naming both and a server that is not running.</summary>
public sealed class ConnectionTargets : IAsyncLifetime
{
    public PostgresServer Postgres { get; } = new();
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("sodalite-connection-").FullName;
    public string Configuration => Path.Combine(Directory, "configuration.yml");

    public async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        string db = Path.Combine(Directory, "shop.duckdb");
        using (var c = new DuckDB.NET.Data.DuckDBConnection($"Data Source={db}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE t (id INTEGER)";
            cmd.ExecuteNonQuery();
        }
        File.WriteAllText(Configuration, $"""
            data_source duck:
              type: duckdb
              path: {db}
            data_source pg:
              type: postgres
              host: 127.0.0.1
              port: {Postgres.Port}
              username: postgres
              password: x
              database: postgres
            data_source pg_down:
              type: postgres
              host: 127.0.0.1
              port: {Loopback.FreePort()}
              username: postgres
              password: x
              database: postgres
              connection_timeout: 3
            data_source pg_no_db:
              type: postgres
              host: 127.0.0.1
              port: {Postgres.Port}
              username: postgres
              password: x
              database: no_such_database
            """);
    }

    public async Task DisposeAsync()
    {
        await Postgres.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

public class TestConnectionTests(ConnectionTargets targets) : IClassFixture<ConnectionTargets>
{

    [Fact]
    public async Task Test_connection_to_a_running_postgres_prints_sodas_two_lines_and_exits_0()
    {
        var (exit, output, err) = await Run("test-connection", "-d", "pg", "-c", targets.Configuration);

        Assert.True(exit == 0, output + err);
        Assert.Equal("Successfully connected to 'pg'.\nConnection 'pg' is valid.\n", output.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Test_connection_to_a_duckdb_file_exits_0()
    {
        var (exit, output, err) = await Run("test-connection", "-d", "duck", "-c", targets.Configuration);

        Assert.True(exit == 0, output + err);
        Assert.Contains("Connection 'duck' is valid.", output);
    }

    [Fact]
    public async Task Test_connection_in_verbose_mode_shows_the_verification_query()
    {
        var (exit, output, _) = await Run("test-connection", "-d", "pg", "-c", targets.Configuration, "-V");

        Assert.Equal(0, exit);
        Assert.Contains("Query pg.test-connection:\nSELECT 1", output.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Test_connection_to_a_server_that_is_not_running_says_it_could_not_connect_and_exits_1()
    {
        var (exit, output, _) = await Run("test-connection", "-d", "pg_down", "-c", targets.Configuration);

        Assert.Equal(1, exit);
        Assert.Contains("Could not connect to data source \"pg_down\":", output);
        Assert.EndsWith("Unable to connect to 'pg_down'.\n", output.Replace("\r\n", "\n"));
        Assert.DoesNotContain("Successfully connected", output);
    }

    [Fact]
    public async Task Test_connection_to_a_database_that_does_not_exist_gives_the_servers_reason_and_exits_1()
    {
        var (exit, output, _) = await Run("test-connection", "-d", "pg_no_db", "-c", targets.Configuration);

        Assert.Equal(1, exit);
        Assert.Contains("no_such_database", output);
        Assert.Contains("Unable to connect to 'pg_no_db'.", output);
    }

    [Fact]
    public async Task Test_connection_to_a_data_source_not_in_the_configuration_lists_the_configured_ones_and_exits_1()
    {
        var (exit, output, _) = await Run("test-connection", "-d", "nope", "-c", targets.Configuration);

        Assert.Equal(1, exit);
        Assert.Contains("Data source 'nope' not present in the configuration. Configured data sources: duck, pg, pg_down, pg_no_db", output);
        Assert.Contains("Unable to connect to 'nope'.", output);
    }

    [Fact]
    public async Task Test_connection_with_a_configuration_file_that_does_not_exist_names_it_and_exits_1()
    {
        string missing = Path.Combine(targets.Directory, "missing.yml");

        var (exit, output, _) = await Run("test-connection", "-d", "pg", "-c", missing);

        Assert.Equal(1, exit);
        Assert.Contains($"Configuration path '{missing}' does not exist", output);
    }

    [Fact]
    public async Task Test_connection_with_an_unknown_option_is_a_usage_error_naming_its_help()
    {
        var (exit, _, err) = await Run("test-connection", "-d", "pg", "--frobnicate");

        Assert.Equal(3, exit);
        Assert.Contains("'--frobnicate'", err);
        Assert.Contains("Run 'sodalite test-connection --help' for usage.", err);
    }
}
