// Check types that need what a single scan does not have: metric history (change over time, anomaly detection), the previous
// scan's groups (group evolution), or a distribution reference object made by Soda's scientific package. Each is planned as
// an error for its check only; the other checks run. (Issue 13 builds the history-aware ones on a local history store.)
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.HistoryChecks;

/// <summary>A check type this version does not run: planning reports it; it never reaches judging.</summary>
public abstract class UnavailableCheckType : ICheckType
{
    /// <inheritdoc/>
    public abstract ICheckSyntax? Syntax { get; }

    /// <inheritdoc/>
    public abstract bool Claims(CheckDefinition check);

    /// <inheritdoc/>
    public abstract void Plan(CheckDefinition check, CheckPlanning planning);

    /// <summary>Nested in a group by, such a check is judged like a metric check.</summary>
    public bool JudgesOneValue => false;

    /// <summary>Never called: <see cref="Plan"/> adds no planned check.</summary>
    /// <exception cref="InvalidOperationException">Always.</exception>
    public CheckResult Judge(PlannedCheck check, CheckJudging judging) =>
        throw new InvalidOperationException($"{GetType().Name} plans no check, so \"{check.Definition.Line}\" cannot be judged.");
}
