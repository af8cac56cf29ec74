using System.Text.RegularExpressions;
using Sodalite.SodaCL.Formats;

namespace Sodalite.SodaCL.Tests.Formats;

// Pass/fail values from Soda Core's own format tests; matched here with .NET's regex engine, which
// agrees with PostgreSQL and DuckDB on these patterns.
public class SodaFormatsTests
{
    private static bool Matches(string format, string value) => Regex.IsMatch(value, SodaFormats.All[format]);

    [Theory]
    [InlineData("integer", "0", "1234567890", "-0", "- 1234567890", "+0", "+1")]
    [InlineData("positive integer", "0", "1234567890", "+0", "+1")]
    [InlineData("negative integer", "0", "-0", "- 1234567890")]
    [InlineData("percentage", "0%", " 0 % ", "- 0 %", "+ 0 %", "010%", "0.0 %", "0,0  %", ".0 %", ",0 %", "99.99%")]
    [InlineData("date iso 8601", "2020-02-08", "2020-W06-5", "2020-039", "20200208", "2020W065", "2020W06", "2020039", "2020-02-08T09",
        "2020-02-08 09:30:26.123", "20200208T080910,123", "2020-02-08 09+07:00", "2020-02-08 09-0100", "2020-02-08 09Z", "2020-04-30T00:00:00.000")]
    [InlineData("email", "john.doe@example.com", "milan.lukáč@example.com", "john.doe+1@ĚxamplÉ.com")]
    [InlineData("uuid", "123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("ipv6 address", "2001:db8::1", "::1", "fe80::1%eth0")]
    public void Valid_values_match(string format, params string[] values)
    {
        foreach (var v in values) Assert.True(Matches(format, v), $"'{v}' should be a valid {format}");
    }

    [Theory]
    [InlineData("integer", "", "a", " ")]
    [InlineData("positive integer", "", "a", " ", "-0", "- 1234567890")]
    [InlineData("negative integer", "", "a", " ", "1234567890", "+0", "+1")]
    [InlineData("percentage", "", " ", "%", "a %", "0", "0.0")]
    [InlineData("date iso 8601", "", " ", "a", "9999-01-01", "2000-13-01", "2000-01-32")]
    [InlineData("email", "invalid@email", " ")]
    public void Invalid_values_do_not_match(string format, params string[] values)
    {
        foreach (var v in values) Assert.False(Matches(format, v), $"'{v}' should not be a valid {format}");
    }

    [Fact]
    public void Numeric_formats_run_from_integer_through_money_comma()
    {
        Assert.Contains("money comma", SodaFormats.Numeric);
        Assert.Contains("integer", SodaFormats.Numeric);
        Assert.DoesNotContain("date us", SodaFormats.Numeric);
        Assert.Equal(24, SodaFormats.Numeric.Count);
    }

    [Theory]
    // Soda Core 3.5.6 data_source.py FormatHelper: the decimal's body, then "{s}%{s}$" (one " *" before "%"); these texts go into
    // queries[], so they must be Soda's byte for byte.
    [InlineData("percentage", @"^ *[-+]? *(\d+([\.,]\d+)?|([\.,]\d+)) *% *$")]
    [InlineData("positive percentage", @"^ *\+? *(\d+([\.,]\d+)?|([\.,]\d+)) *% *$")]
    [InlineData("negative percentage", @"^ *(\- *(\d+([\.,]\d+)?|([\.,]\d+))|(0+([\.,]0+)?|([\.,]0+))) *% *$")]
    [InlineData("percentage point", @"^ *[-+]? *(\d+(\.\d+)?|(\.\d+)) *% *$")]
    [InlineData("percentage comma", @"^ *[-+]? *(\d+(,\d+)?|(,\d+)) *% *$")]
    public void Percentage_formats_are_sodas_exact_regexes(string format, string regex) => Assert.Equal(regex, SodaFormats.All[format]);
}
