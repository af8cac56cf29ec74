using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;
using Sodalite.SodaCL.Variables;

namespace Sodalite.SodaCL.Tests.Parsing;

public class SodaClParserTests
{
    private static (SodaClDocument Doc, ScanLogger Log) Parse(string yaml)
    {
        var log = new ScanLogger(TimeProvider.System);
        var doc = new SodaClDocument();
        new SodaClParser(log, new Jinja(new Dictionary<string, string>(), _ => null), Sodalite.Engine.CheckTypes.CheckTypeRegistry.Syntaxes).Parse("checks.yml", yaml, doc);
        return (doc, log);
    }

    [Fact]
    public void A_check_with_configuration_gets_soda_s_definition_and_location()
    {
        var (doc, log) = Parse("checks for t:\n  - max(x):\n      warn: when > 100\n      fail: when > 1000\n");
        var c = Assert.Single(doc.Checks);
        Assert.Equal("checks for t:\n  - max(x):\n      warn: when > 100\n      fail: when > 1000\n", c.Definition);
        Assert.Equal("!!omap\n  - fail: when > 1000\n  - warn: when > 100\n", c.IdentityYaml);
        Assert.Equal((2, 5), (c.Location.Line, c.Location.Col));
        Assert.False(log.HasErrors);
    }

    [Fact]
    public void Column_lists_are_merged_into_the_check_list_in_place()
    {
        var (doc, _) = Parse("checks for t:\n  - missing_count(id) = 4:\n      missing values: [ID1, ID2]\nconfigurations for t:\n  missing values for id: [N/A, ID5]\n");
        var c = Assert.Single(doc.Checks);
        Assert.Equal("checks for t:\n  - missing_count(id) = 4:\n      missing values: [ID1, ID2, N/A, ID5]\n", c.Definition);
        Assert.Equal(["ID1", "ID2", "N/A", "ID5"], c.MissingValid.MissingValues!.Select(v => v.Text));
    }

    [Fact]
    public void Booleans_are_lowercased_and_quotes_kept_in_definitions()
    {
        var (doc, _) = Parse("checks for t:\n  - invalid_count(cat) = 6:\n      invalid values: [\"LOW\"]\n      include null: True\n");
        Assert.Equal("checks for t:\n  - invalid_count(cat) = 6:\n      invalid values: [\"LOW\"]\n      include null: true\n", doc.Checks[0].Definition);
    }

    [Fact]
    public void Errors_keep_the_other_checks_and_carry_locations()
    {
        var (doc, log) = Parse("checks for t:\n  - row_count > 0:\n      foo: bar\n  - missing_count(id) ==== 0\nchecks for t [nofilter]:\n  - row_count > 0\nbogus header:\n  - row_count > 0\n");
        Assert.Single(doc.Checks);
        var errors = log.Logs.Where(l => l.Level == ScanLogLevel.Error).ToList();
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Message.StartsWith("Skipping unsupported check configuration: foo") && e.Location!.Line == 3 && e.Location.Col == 7);
        Assert.Contains(errors, e => e.Message.StartsWith("Invalid check \"missing_count(id) ==== 0\"") && e.Location!.Line == 4);
        Assert.Contains(errors, e => e.Message.StartsWith("Filter not declared: nofilter") && e.Location!.Line == 5);
        Assert.Contains(errors, e => e.Message == "Invalid section header \"bogus header\"" && e.Location!.Line == 7);
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_at_its_mark()
    {
        var (doc, log) = Parse("checks for customers:\n  - row_count > 0\n   - bad: [\n");
        Assert.Empty(doc.Checks);
        var e = Assert.Single(log.Logs, l => l.Level == ScanLogLevel.Error);
        Assert.StartsWith("YAML syntax error", e.Message);
        Assert.Equal(3, e.Location!.Line);
    }

    [Fact]
    public void A_bad_warn_value_is_an_error_naming_the_expected_form()
    {
        var (_, log) = Parse("checks for t:\n  - row_count:\n      warn: above 5\n");
        Assert.Contains(log.Logs, l => l.Level == ScanLogLevel.Error && l.Message.StartsWith("Value for warn must be \"when {condition}\"") && l.Location!.Line == 3);
    }

    [Fact]
    public void Dataset_filters_define_partitions_in_first_mention_order()
    {
        var (doc, _) = Parse("filter t [daily]:\n  where: d > 1\nchecks for t:\n  - row_count > 0\nchecks for t [daily]:\n  - row_count > 0\n");
        Assert.Equal([("t", (string?)"daily"), ("t", null)], doc.Mentions);
        Assert.Equal("d > 1", doc.Filters[("t", "daily")]);
    }

    // Expected definitions are ruamel.yaml 0.17.21's dumps of the same checks with Soda's settings (the first check of each input);
    // a folded scalar keeps the source's line breaks although its value joins them.
    [Theory]
    [InlineData("  - x > 0:\n      x query: |\n        SELECT 1\n        FROM t\n  # --- completeness ---\n  - y > 0\n",
        "checks for t:\n  - x > 0:\n      x query: |\n        SELECT 1\n        FROM t\n  # --- completeness ---\n")]
    [InlineData("  - x > 0:\n      x query: |\n        SELECT 1\n\n  # c1\n\n  - y > 0\n",
        "checks for t:\n  - x > 0:\n      x query: |\n        SELECT 1\n\n  # c1\n\n")]
    [InlineData("  - x > 0:\n      x query: |\n        SELECT 1\n\n  - y > 0\n", "checks for t:\n  - x > 0:\n      x query: |\n        SELECT 1\n\n")]
    [InlineData("  - x > 0:\n      x query: |-\n        SELECT 1\n      # inner\n      name: abc\n  - y > 0\n",
        "checks for t:\n  - x > 0:\n      x query: |-\n        SELECT 1\n      # inner\n      name: abc\n")]
    [InlineData("  - x > 0:\n      x query: >\n        SELECT 1\n        # not a comment\n  # real\n  - y > 0\n",
        "checks for t:\n  - x > 0:\n      x query: >\n        SELECT 1\n        # not a comment\n  # real\n")]
    [InlineData("  - failed rows:\n      fail query: >\n        SELECT * FROM t\n        WHERE a > 1\n\n        AND b < 2\n      name: x\n",
        "checks for t:\n  - failed rows:\n      fail query: >\n        SELECT * FROM t\n        WHERE a > 1\n\n        AND b < 2\n      name: x\n")]
    [InlineData("  - failed rows:\n      fail query: >-\n        SELECT *\n          FROM t\n        WHERE 1 = 1\n",
        "checks for t:\n  - failed rows:\n      fail query: >-\n        SELECT *\n          FROM t\n        WHERE 1 = 1\n")]
    public void The_comments_and_blank_lines_after_a_block_scalar_stay_in_the_definition(string checks, string definition)
    {
        var (doc, _) = Parse("checks for t:\n" + checks);
        Assert.Equal(definition, doc.Checks[0].Definition);
    }

    [Fact]
    public void Dataset_attributes_merged_into_a_flow_configuration_are_written_as_ruamel_writes_them()
    {
        // ruamel.yaml 0.17.21's dump after Soda's merge ({**check, **dataset} set on the check's flow mapping): plain values that hold a
        // flow indicator are single-quoted in flow context, and a long one folds at the nested mapping's indent + 2.
        var (doc, _) = Parse("checks for t:\n  - attributes:\n      env: ${ENV}\n      tags: [a, b]\n      note: x, y\n  - row_count > 0: {name: Rows}\n");
        Assert.Equal(
            "checks for t:\n  - row_count > 0: {name: Rows, attributes: {env: '${ENV}', tags: [a, b], note: 'x,\n          y'}}\n",
            doc.Checks[0].Definition);
    }
}
