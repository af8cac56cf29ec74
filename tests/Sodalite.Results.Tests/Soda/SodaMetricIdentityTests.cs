using Sodalite.Results.Model;
using Sodalite.Results.Soda;

namespace Sodalite.Results.Tests.Soda;

public class SodaMetricIdentityTests
{
    private static readonly ScanResult Scan = new() { DefinitionName = "Soda Core CLI", DefaultDataSource = "pg" };

    private static ScanMetric M(string identity, string name) => new() { Identity = identity, MetricName = name };

    [Theory]
    [InlineData("metric-Soda Core CLI-pg-customers-email-missing_count", "missing_count", "customers", "email")]
    [InlineData("metric-Soda Core CLI-pg-customers-daily-email-missing_count", "missing_count", "customers", "daily-email")]
    [InlineData("metric-Soda Core CLI-pg-customers-daily-row_count", "row_count", "customers", "daily")]
    [InlineData("metric-Soda Core CLI-pg-customers-row_count", "row_count", "customers", null)]
    [InlineData("metric-Soda Core CLI-pg-customers-email-invalid_count-61813b33", "invalid_count", "customers", null)]
    [InlineData("metric-Soda Core CLI-pg-orders-email-missing_count", "missing_count", "customers", null)]
    public void The_column_is_read_out_of_the_identity_as_qalitas_soda_pack_reads_it(string identity, string name, string table, string? column)
    {
        Assert.Equal(column, SodaMetricIdentity.ColumnIn(Scan, M(identity, name), table));
    }

    [Fact]
    public void A_table_metric_has_nothing_between_the_table_and_its_name()
    {
        Assert.True(SodaMetricIdentity.IsTableMetric(Scan, M("metric-Soda Core CLI-pg-customers-row_count", "row_count"), "customers", "row_count"));
        Assert.False(SodaMetricIdentity.IsTableMetric(Scan, M("metric-Soda Core CLI-pg-customers-row_count-dd9e5c75", "row_count"), "customers", "row_count"));
        Assert.False(SodaMetricIdentity.IsTableMetric(Scan, M("metric-Soda Core CLI-pg-customers-daily-row_count", "row_count"), "customers", "row_count"));
    }

    [Fact]
    public void A_metric_that_states_its_data_source_is_read_with_it_and_an_empty_definition_is_left_out()
    {
        var scan = new ScanResult { DefinitionName = "", DefaultDataSource = "pg" };
        var metric = new ScanMetric { Identity = "metric-other-t-c-max", MetricName = "max", DataSourceName = "other" };

        Assert.Equal("c", SodaMetricIdentity.ColumnIn(scan, metric, "t"));
    }
}
