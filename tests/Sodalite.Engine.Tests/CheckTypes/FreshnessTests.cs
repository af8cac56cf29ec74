// Freshness pieces that must match Python: fromisoformat, str(datetime), str(timedelta), and Soda's durations.
using Sodalite.Engine.CheckTypes.FreshnessCheck;
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Output;

namespace Sodalite.Engine.Tests.CheckTypes;

public class FreshnessTests
{
    [Theory]
    [InlineData("2020-06-24", "2020-06-24T00:00:00.0000000+00:00")]
    [InlineData("2020-06-24 01:00:00", "2020-06-24T01:00:00.0000000+00:00")]
    [InlineData("2020-06-24T01:00", "2020-06-24T01:00:00.0000000+00:00")]
    [InlineData("2020-06-25 02:00:00+01:00", "2020-06-25T02:00:00.0000000+01:00")]
    [InlineData("2020-06-25T02:00:00.5-0230", "2020-06-25T02:00:00.5000000-02:30")]
    [InlineData("2020-06-25T02:00:00.123456Z", "2020-06-25T02:00:00.1234560+00:00")]
    public void Now_variables_parse_as_python_fromisoformat_does(string text, string expected)
    {
        Assert.True(Freshness.TryParseIsoFormat(text, out var t));
        Assert.Equal(expected, t.ToString("o"));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("24/06/2020")]
    [InlineData("2020-13-01")]
    [InlineData("")]
    public void Text_that_is_not_a_timestamp_is_rejected(string text) => Assert.False(Freshness.TryParseIsoFormat(text, out _));

    [Theory]
    [InlineData(0, 0, 55, 50, "0:55:50")]
    [InlineData(1, 0, 55, 50, "1 day, 0:55:50")]
    [InlineData(3, 2, 0, 0, "3 days, 2:00:00")]
    [InlineData(0, -1, 0, 0, "-1 day, 23:00:00")]
    public void Timedeltas_print_as_python_str(int days, int hours, int minutes, int seconds, string expected)
    {
        var t = new TimeSpan(days, hours, minutes, seconds);
        if (days == 0 && hours < 0) t = TimeSpan.FromHours(hours);
        Assert.Equal(expected, ResultsDocument.PyTimedelta(t));
    }

    [Fact]
    public void Microseconds_are_printed_when_present() =>
        Assert.Equal("12:00:00.000001", ResultsDocument.PyTimedelta(TimeSpan.FromHours(12) + TimeSpan.FromTicks(10)));

    [Theory]
    [InlineData("1d", 24 * 60)]
    [InlineData("6h", 6 * 60)]
    [InlineData("30m", 30)]
    [InlineData("1d2h30m", 24 * 60 + 150)]
    public void Durations_combine_days_hours_and_minutes(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), Freshness.ParseDuration(text));

    [Theory]
    [InlineData("10s")]
    [InlineData("1 day")]
    [InlineData("5")]
    public void Other_durations_are_errors_that_say_how_to_write_one(string text)
    {
        var e = Assert.Throws<FormatException>(() => Freshness.ParseDuration(text));
        Assert.Contains("1d, 6h, 30m or 1d2h30m", e.Message);
    }

    [Fact]
    public void Datetimes_print_as_python_str()
    {
        Assert.Equal("2020-06-24 00:04:10", Freshness.PyStr(new DateTimeOffset(2020, 6, 24, 0, 4, 10, TimeSpan.Zero), aware: false));
        Assert.Equal("2020-06-24 00:04:10+00:00", Freshness.PyStr(new DateTimeOffset(2020, 6, 24, 0, 4, 10, TimeSpan.Zero), aware: true));
        Assert.Equal("2020-06-24 23:59:59.999999-05:30",
            Freshness.PyStr(new DateTimeOffset(2020, 6, 24, 23, 59, 59, TimeSpan.FromMinutes(-330)).AddTicks(9_999_990), aware: true));
    }
}
