// Number settings of a data source are read strictly: a typo is an error naming the setting, the data source and the file.
using Sodalite.Engine.DataSources;

namespace Sodalite.Engine.Tests.DataSources;

public class DataSourceConfigTests
{
    [Theory]
    [InlineData("clickhouse")]
    [InlineData("postgres")]
    [InlineData("mysql")]
    public async Task A_port_that_is_not_a_number_is_an_error_naming_it(string type)
    {
        var config = new DataSourceConfig("shop", type, new Dictionary<string, string?> { ["host"] = "127.0.0.1", ["port"] = "81 23" }, "/etc/sodalite/configuration.yml");
        var e = await Assert.ThrowsAsync<FormatException>(() => DataSource.ConnectAsync(config, CancellationToken.None));
        Assert.Equal("port of data source \"shop\" in /etc/sodalite/configuration.yml is \"81 23\", not a whole number.", e.Message);
    }

    [Fact]
    public void Unset_settings_take_the_default()
    {
        var config = new DataSourceConfig("shop", "clickhouse", new Dictionary<string, string?> { ["port"] = null });
        Assert.Equal(8123, config.GetInt("port", 8123));
        Assert.Equal(15, config.GetInt("connection_timeout", 15));
    }
}
