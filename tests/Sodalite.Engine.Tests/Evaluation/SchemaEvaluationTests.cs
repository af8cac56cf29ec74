// Schema validations matched as Soda matches them (spec/sodacl.md §2.7).
using Sodalite.Engine.Dialects;
using Sodalite.Engine.Evaluation;
using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.Tests.Evaluation;

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
}
