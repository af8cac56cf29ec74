using Sodalite.Results.Json;

namespace Sodalite.Results.Tests.Json;

public class PyFloatTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(40.0, "40.0")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.2345678901234568e+17, "1.2345678901234568e+17")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.1, "0.1")]
    [InlineData(66.66666666666666, "66.66666666666666")]
    [InlineData(1.1285714285714286, "1.1285714285714286")]
    [InlineData(-999.0, "-999.0")]
    [InlineData(3.2643091590280306, "3.2643091590280306")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(2.5e-07, "2.5e-07")]
    public void Repr_matches_python(double value, string expected) => Assert.Equal(expected, PyFloat.Repr(value));

    [Fact]
    public void Repr_of_a_product_keeps_the_binary_error_as_python_does()
    {
        double x = 0.57;
        Assert.Equal("56.99999999999999", PyFloat.Repr(x * 100));
        Assert.Equal("33.33333333333333", PyFloat.Repr(1.0 / 3 * 100));
    }

    [Theory]
    [InlineData(0.4, 0.4)]
    [InlineData(2.0 / 3, 0.67)]
    [InlineData(0.125, 0.12)] // exact tie, half to even
    [InlineData(0.375, 0.38)]
    [InlineData(2.675, 2.67)] // binary value is below the tie
    [InlineData(1.005, 1.0)]
    public void Round_is_pythons_round(double value, double expected) => Assert.Equal(expected, PyFloat.Round(value, 2));
}
