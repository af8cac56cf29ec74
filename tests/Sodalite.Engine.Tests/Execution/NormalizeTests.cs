// Database numbers as the results hold them: a decimal (PostgreSQL numeric, DuckDB DECIMAL) becomes the double Python's float()
// gives for it, the nearest one (Soda Core 3.5.6 recorded 0.3333333333333333 for AVG(CASE ... 1.0 ...) over three rows).
using Sodalite.Engine.Execution;

namespace Sodalite.Engine.Tests.Execution;

public class NormalizeTests
{
    [Theory]
    [InlineData("0.33333333333333333333", 0.3333333333333333)]
    [InlineData("0.66666666666666666667", 0.6666666666666666)]
    [InlineData("0.1", 0.1)]
    [InlineData("71.4285714285714285714", 71.42857142857143)]
    public void A_decimal_becomes_the_nearest_double(string exact, double expected)
    {
        decimal d = decimal.Parse(exact, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, (double)QueryExecutor.Normalize(d)!);
        Assert.Equal(expected, QueryExecutor.ToDouble(d));
    }

    [Fact]
    public void A_plain_cast_of_a_decimal_is_not_the_nearest_double()
    {
        // Why Normalize does not cast: the cast is off by one unit in the last place here.
        Assert.NotEqual(0.3333333333333333, (double)0.33333333333333333333m);
    }
}
