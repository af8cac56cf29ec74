using Sodalite.SodaCL.Grammar;

namespace Sodalite.SodaCL.Tests.Grammar;

public class ThresholdTests
{
    private static Threshold FailZoneOf(string line) =>
        ((MetricCheckLine)CheckLineParser.Parse(line)).Threshold!.ToZone(s => ThresholdExpression.TryNumber(s, out var d) ? d : throw new FormatException()).Inverse();

    [Theory]
    [InlineData("row_count = 10.0", 10, false)]
    [InlineData("row_count < 11", 10, false)]
    [InlineData("row_count != 0", 10, false)]
    [InlineData("row_count <> 0", 0, true)]
    [InlineData("row_count between 10 and 15]", 10, false)]
    [InlineData("row_count between (10 and 15", 10, true)]
    [InlineData("row_count between 5 and 10)", 10, true)]
    [InlineData("row_count not between [10 and 15", 10, true)]
    [InlineData("row_count not between 11 and 15", 10, false)]
    [InlineData("row_count not between (10 and 15", 10, false)]
    [InlineData("missing_percent(a) < 5%", 5, true)]
    public void The_inline_pass_condition_is_inverted_into_the_fail_zone(string line, double value, bool fails)
    {
        Assert.Equal(fails, FailZoneOf(line).IsBad(value));
    }

    [Fact]
    public void Equality_serializes_as_two_bounds_without_the_split_flag()
    {
        Assert.Equal("{\"greaterThan\":0,\"lessThan\":0}", FailZoneOf("row_count = 0").ToDiagnostics().ToJsonString());
    }

    [Fact]
    public void A_reversed_between_is_flagged_and_its_zone_fails_every_value_as_in_Soda()
    {
        // Soda logs "Left lower bound should be less than the upper bound" and still evaluates: the inverted zone matches all.
        var line = (MetricCheckLine)CheckLineParser.Parse("row_count between 15 and 10");
        Assert.True(line.Threshold!.HasInvertedBounds);
        var fail = FailZoneOf("row_count between 15 and 10");
        Assert.True(fail.IsBad(12));
        Assert.True(fail.IsBad(0));
        Assert.True(fail.IsBad(100));
    }
}
