using Sodalite.SodaCL.Grammar;

namespace Sodalite.SodaCL.Tests.Grammar;

public class CheckLineParserTests
{
    [Fact]
    public void A_metric_with_arguments_and_a_comparator_is_parsed()
    {
        var m = Assert.IsType<MetricCheckLine>(CheckLineParser.Parse("percentile(distance, 0.7) = 999"));
        Assert.Equal("percentile", m.Metric);
        Assert.Equal(["distance", "0.7"], m.Args);
        Assert.Equal(Comparator.Eq, m.Threshold!.Op);
        Assert.Equal("999", m.Threshold.Value);
    }

    [Theory]
    [InlineData("row_count between 10 and 15]", false, false, false)]
    [InlineData("row_count between (9 and 15]", false, true, false)]
    [InlineData("row_count between -5 and 11)", false, false, true)]
    [InlineData("row_count not between (10 and 15", true, true, false)]
    public void Between_reads_its_brackets(string line, bool not, bool lowerEx, bool upperEx)
    {
        var t = ((MetricCheckLine)CheckLineParser.Parse(line)).Threshold!;
        Assert.True(t.Between);
        Assert.Equal(not, t.Not);
        Assert.Equal(lowerEx, t.LowerExclusive);
        Assert.Equal(upperEx, t.UpperExclusive);
    }

    [Theory]
    [InlineData("missing_count(id) ==== 0")]
    [InlineData("some garbage here !!")]
    [InlineData("row_count  > 0")]
    [InlineData("duplicate_count(a,b) = 0")]
    [InlineData("row_count between 1")]
    public void Lines_soda_rejects_are_rejected(string line)
    {
        Assert.Throws<CheckLineException>(() => CheckLineParser.Parse(line));
    }

    [Fact]
    public void Double_spaces_are_named_in_the_message()
    {
        var e = Assert.Throws<CheckLineException>(() => CheckLineParser.Parse("row_count  > 0"));
        Assert.Contains("two spaces at column 10", e.Message);
    }

    [Fact]
    public void Variables_percentages_and_time_units_are_values()
    {
        Assert.Equal("${min}", ((MetricCheckLine)CheckLineParser.Parse("row_count > ${min}")).Threshold!.Value);
        Assert.Equal("5%", ((MetricCheckLine)CheckLineParser.Parse("missing_percent(a) < 5%")).Threshold!.Value);
        Assert.Equal("1d2h", ((MetricCheckLine)CheckLineParser.Parse("freshness(ts) < 1d2h")).Threshold!.Value);
    }

    [Fact]
    public void Quoted_identifiers_keep_their_quotes()
    {
        Assert.Equal(["\"My Col\""], ((MetricCheckLine)CheckLineParser.Parse("missing_count(\"My Col\") = 0")).Args);
    }

    [Fact]
    public void History_prefixes_are_recognised()
    {
        Assert.Equal("change for", ((MetricCheckLine)CheckLineParser.Parse("change for row_count < 5")).HistoryPrefix);
        Assert.Equal("anomaly detection for", ((MetricCheckLine)CheckLineParser.Parse("anomaly detection for row_count")).HistoryPrefix);
    }

    [Fact]
    public void Reference_and_row_count_comparison_lines_are_parsed()
    {
        var r = Assert.IsType<ReferenceCheckLine>(CheckLineParser.Parse("values in (a, b) must not exist in customers (x, y)"));
        Assert.True(r.MustNotExist);
        Assert.Equal(["x", "y"], r.TargetColumns);
        var c = Assert.IsType<RowCountComparisonLine>(CheckLineParser.Parse("row_count same as raw [daily] in other_ds"));
        Assert.Equal(("raw", "daily", "other_ds"), (c.OtherTable, c.OtherPartition, c.OtherDataSource));
    }
}
