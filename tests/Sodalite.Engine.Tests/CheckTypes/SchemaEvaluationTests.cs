// Schema validations matched as Soda matches them (spec/sodacl.md §2.7).
using Sodalite.Engine.CheckTypes.SchemaCheck;
using Sodalite.Engine.Dialects;
using Sodalite.Engine.Evaluation;
using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.Tests.CheckTypes;

public class SchemaEvaluationTests
{
    private static readonly (string, string)[] Measured =
        [("id", "character varying"), ("Amount", "double precision"), ("amount_eur", "numeric"), ("created", "timestamp with time zone")];

    [Fact]
    public void Forbidden_patterns_match_from_the_start_only_and_are_case_sensitive()
    {
        var e = SchemaEvaluation.Violations(new SchemaValidations { ForbiddenColumns = ["amount*", "%ate%", "d"] }, Measured, new PostgresDialect());
        // "amount*" does not match "Amount"; "%ate%" matches "created"; "d" matches nothing (prefix of no name).
        Assert.Equal(["amount_eur", "created"], e.Present);
    }

    [Theory]
    [InlineData("varchar", "character varying", true)]
    [InlineData("TEXT", "character varying", true)]
    [InlineData("decimal", "double precision", true)]
    [InlineData("timestamptz", "timestamp with time zone", true)]
    [InlineData("timestamp", "timestamp with time zone", false)]
    [InlineData("integer", "character varying", false)]
    public void Postgres_type_names_match_with_sodas_synonyms(string expected, string actual, bool same) =>
        Assert.Equal(same, new PostgresDialect().IsSameType(expected, actual));

    [Fact]
    public void Mismatching_columns_report_unlisted_as_present_and_absent_as_missing_unless_optional()
    {
        var v = new SchemaValidations
        {
            MismatchingColumns = [new("id", "varchar"), new("Amount", "integer"), new("gone", null), new("maybe", "text")],
            OptionalColumns = ["maybe"],
        };
        var e = SchemaEvaluation.Violations(v, Measured, new PostgresDialect());
        Assert.Equal(["gone"], e.Missing);
        Assert.Equal(["amount_eur", "created"], e.Present);
        Assert.Equal([("Amount", "integer", "double precision")], e.TypeMismatches);
    }

    [Fact]
    public void An_index_beyond_the_last_column_has_no_column_on_it()
    {
        var e = SchemaEvaluation.Violations(new SchemaValidations { ColumnIndexes = [new("id", 9)] }, Measured, new DuckDbDialect());
        Assert.Equal([("id", 9, 0, (string?)null)], e.IndexMismatches);
    }

    // Recorded from Soda Core 3.5.6 on PostgreSQL (the acceptance table customers): a non-empty 'when mismatching columns'
    // replaces 'when wrong column type' (cst_size and zip are not type-checked), the 'when required column missing' names count
    // as listed, every other column is an event even if a forbidden pattern already named it (zip twice), and a column whose index
    // is checked is missing after the others.
    [Fact]
    public void Mismatching_columns_replace_wrong_column_type_as_in_soda()
    {
        (string, string)[] customers =
        [
            ("id", "character varying"), ("cst_size", "double precision"), ("cst_size_txt", "character varying"), ("distance", "integer"),
            ("pct", "character varying"), ("cat", "character varying"), ("country", "character varying"), ("zip", "character varying"),
            ("email", "character varying"), ("date_updated", "date"), ("ts", "timestamp without time zone"),
            ("ts_with_tz", "timestamp with time zone"),
        ];
        var v = new SchemaValidations
        {
            ColumnTypes = [new("cst_size", "integer"), new("zip", "integer")],
            MismatchingColumns = [new("id", "varchar"), new("distance", "varchar"), new("nope", "text")],
            RequiredColumns = ["country"],
            ForbiddenColumns = ["zip"],
            ColumnIndexes = [new("gone3", 1)],
        };
        var e = SchemaEvaluation.Violations(v, customers, new PostgresDialect());
        Assert.Equal(["nope", "gone3"], e.Missing);
        Assert.Equal(["zip", "cst_size", "cst_size_txt", "pct", "cat", "zip", "email", "date_updated", "ts", "ts_with_tz"], e.Present);
        Assert.Equal([("distance", "varchar", "integer")], e.TypeMismatches);
        Assert.Equal(
            "distance,:icon-fail: Type Mismatch, Expected Type: varchar; Actual Type: integer\n"
            + "zip,:icon-fail: Forbidden Column Present, \ncst_size,:icon-fail: Forbidden Column Present, \n"
            + "cst_size_txt,:icon-fail: Forbidden Column Present, \npct,:icon-fail: Forbidden Column Present, \n"
            + "cat,:icon-fail: Forbidden Column Present, \nzip,:icon-fail: Forbidden Column Present, \n"
            + "email,:icon-fail: Forbidden Column Present, \ndate_updated,:icon-fail: Forbidden Column Present, \n"
            + "ts,:icon-fail: Forbidden Column Present, \nts_with_tz,:icon-fail: Forbidden Column Present, \n"
            + "nope,:icon-fail: Required Column Missing, \ngone3,:icon-fail: Required Column Missing, ",
            string.Join("\n", SchemaEvaluation.EventLines(e, "fail")));
    }

    [Fact]
    public void An_empty_mismatching_columns_mapping_is_ignored_as_in_soda()
    {
        var v = new SchemaValidations { MismatchingColumns = [], ColumnTypes = [new("id", "integer")] };
        var e = SchemaEvaluation.Violations(v, Measured, new PostgresDialect());
        Assert.Empty(e.Present);
        Assert.Equal([("id", "integer", "character varying")], e.TypeMismatches);
    }
}
