using Sodalite.Engine.Identity;

namespace Sodalite.Engine.Tests.Identity;

public class Blake2Tests
{
    [Fact]
    public void Check_identities_are_sodas_recomputed_values()
    {
        Assert.Equal("e7c77591", Blake2.Hash("checks for customers", "row_count > 0"));
        Assert.Equal("5ad5e209", Blake2.Hash("checks for customers", "row_count > 0", "pg"));
        Assert.Equal("871f4925", Blake2.Hash("checks for customers", "row_count > 0", "pg", "checks.yml"));
    }

    [Fact]
    public void Metric_hashes_match_soda_examples()
    {
        Assert.Equal("61813b33", Blake2.Hash("valid_format", "email"));
        Assert.Equal("2df817db", Blake2.Hash("valid_min", "0.0"));
        Assert.Equal("a8d0a933", Blake2.Hash("0.7"));
        Assert.Equal("dd9e5c75", Blake2.Hash("cat = 'HIGH'"));
    }

    [Fact]
    public void No_parts_means_no_hash()
    {
        Assert.Null(Blake2.Hash((IEnumerable<string?>)[null, null]));
    }
}
