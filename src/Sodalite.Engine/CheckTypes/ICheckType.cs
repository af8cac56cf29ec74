// A SodaCL check type as one module: how it plans (the metrics it declares), how it judges measured values, and the summary
// lines it prints. The planner, the evaluator and the console summary find a check's module through CheckTypeRegistry and
// never look at the check's kind themselves.
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Execution;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes;

/// <summary>One SodaCL check type (spec/sodacl.md §2): planning, judging and summary lines of its checks.</summary>
public interface ICheckType
{
    /// <summary>
    /// How the type's checks are written (its check lines and configuration keys), which the parser is given; null for a type that
    /// refines another's checks (a user-defined metric is a metric check with a query).
    /// </summary>
    ICheckSyntax? Syntax { get; }

    /// <summary>Whether this module plans and judges <paramref name="check"/>; the registry asks the modules in order and the first that claims it wins.</summary>
    bool Claims(CheckDefinition check);

    /// <summary>
    /// Declares the check's metrics through <paramref name="planning"/> and adds the planned check, or reports (logs) why the check
    /// cannot run and adds nothing. Never throws for a user's mistake.
    /// </summary>
    void Plan(CheckDefinition check, CheckPlanning planning);

    /// <summary>
    /// Judges a planned check from its metrics' measured values (read only): the outcome (null: not evaluated), the value and the
    /// diagnostics Soda reports. Errors a user can cause are logged through <paramref name="judging"/>, not thrown.
    /// </summary>
    CheckResult Judge(PlannedCheck check, CheckJudging judging);

    /// <summary>
    /// Whether the evaluator applies the checks-wide rules to this type's outcome: a check whose configuration has an error, or whose
    /// percentage was taken over an unmeasured count, is never reported as passed or warned. False for a type that judges its own
    /// nested checks (group by), whose nested checks get the rules one by one.
    /// </summary>
    bool AppliesCheckRules => true;

    /// <summary>
    /// Whether the type judges a check from its one metric's value alone, so it can judge a group by's nested check on a group's
    /// value. False for types that need more (another dataset's count, history, groups of their own): nested, those are judged
    /// like a metric check, as Soda builds them.
    /// </summary>
    bool JudgesOneValue => true;

    /// <summary>How the failing rows of the check's metric are sampled: by default from the metric, or by a 'failed rows query'.</summary>
    FailedRowsSampling Sampling(CheckDefinition check) => check.FailedRowsQuery is not null ? FailedRowsSampling.UserQuery : FailedRowsSampling.Metric;

    /// <summary>The check's name when it has none: the check line with its warn/fail configuration, as Soda names it.</summary>
    string? DefaultName(CheckDefinition check) => null;

    /// <summary>
    /// The lines the console summary prints under the check's name (without indentation), for a check that did not pass or with -V:
    /// by default its value, and for a percentage its row count and count; see spec/sodacl.md §6.1.
    /// </summary>
    IEnumerable<string> SummaryLines(CheckResult result, Measurements measured, bool verbose)
    {
        if (result.Outcome == CheckOutcome.Pass && !verbose) return [];
        var lines = new List<string> { $"check_value: {Evaluator.ValueText(result.Value)}" };
        if (result.Check.Metric is DerivedMetric { CountMetric: var count, RowCountMetric: var rows })
        {
            lines.Add($"row_count: {Evaluator.ValueText(measured[rows].Value)}");
            lines.Add($"{count.Name}: {Evaluator.ValueText(measured[count].Value)}");
        }
        return lines;
    }
}
