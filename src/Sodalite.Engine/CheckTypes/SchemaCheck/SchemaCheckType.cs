// Schema checks (spec/sodacl.md §2.7): the dataset's columns from the catalog, validated by the warn and fail levels.
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Execution;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.SchemaCheck;

/// <summary>Schema checks: required, forbidden, typed and indexed columns; fail when the fail level finds an event, warn when the warn level does.</summary>
public sealed class SchemaCheckType : ICheckType
{
    /// <inheritdoc/>
    public ICheckSyntax? Syntax { get; } = new SchemaSyntax();

    /// <inheritdoc/>
    public bool Claims(CheckDefinition check) => check.Syntax is SchemaSyntax && check.Table is not null;

    /// <inheritdoc/>
    public void Plan(CheckDefinition check, CheckPlanning planning)
    {
        bool changes = check.SchemaWarn?.ChangeValidations == true || check.SchemaFail?.ChangeValidations == true;
        if (changes && planning.HistoryLocation is null)
        {
            planning.Log.Error("Schema checks with 'when schema changes' compare with the previous scan's schema, which needs history: pass --history FILE (Soda Core needs Soda Cloud for it).", check.Location);
            return;
        }
        if (check.SchemaWarn is null && check.SchemaFail is null)
        {
            planning.Log.Error("A schema check needs 'warn:' or 'fail:' validations, e.g. 'fail:' with 'when required column missing: [id]'.", check.Location);
            return;
        }
        // The schema is the table's (no filter applies), but Soda names the metric after the check's section.
        var metric = planning.Planner.GetOrAdd(new SchemaMetric
        {
            Identity = planning.Planner.MetricIdentity(check.Table, check.Partition, null, "schema", []),
            Name = "schema",
            Table = check.Table,
            Partition = check.Partition,
        });
        if (changes) planning.NeedHistory(metric);
        planning.AddOrReport(check, metric, null);
    }

    /// <inheritdoc/>
    public CheckResult Judge(PlannedCheck pc, CheckJudging judging)
    {
        var def = pc.Definition;
        string name = judging.Name(pc);
        var metric = pc.Metric!;
        if (judging.NotComputed(pc, metric, name) is { } notComputed) return notComputed;
        var measured = (IReadOnlyList<(string Name, string Type)>)judging.Measured[metric].Value!;
        IReadOnlyList<(string Name, string Type)>? previous = null;
        if (def.SchemaWarn?.ChangeValidations == true || def.SchemaFail?.ChangeValidations == true)
        {
            previous = PreviousSchema(judging.History.GetValueOrDefault(metric.Identity));
            if (previous is null)
            {
                // Soda's words and outcome: nothing is judged, not even the other validations of the check.
                judging.Log.Warning("Skipping schema checks since there is no historic schema metrics! (notEnoughHistory)", def.Location);
                return new CheckResult(pc, name, null, null, null, null);
            }
        }
        var failEvents = SchemaEvaluation.Violations(def.SchemaFail, measured, judging.Dialect, previous);
        var warnEvents = SchemaEvaluation.Violations(def.SchemaWarn, measured, judging.Dialect, previous);
        var outcome = failEvents.Count > 0 ? CheckOutcome.Fail : warnEvents.Count > 0 ? CheckOutcome.Warn : CheckOutcome.Pass;
        return new CheckResult(pc, name, outcome, null, null, null) { Schema = new SchemaDiagnostics(measured, failEvents, warnEvents) };
    }

    /// <summary>The newest recorded schema (the results' list of {columnName, sourceDataType}), or null when there is none.</summary>
    private static IReadOnlyList<(string Name, string Type)>? PreviousSchema(IReadOnlyList<History.HistoricMeasurement>? series)
    {
        if (series?.FirstOrDefault(p => p.Value is Results.Model.ListValue)?.Value is not Results.Model.ListValue list) return null;
        return [.. list.Items.OfType<Results.Model.ObjectValue>().Select(o => (
            o.Members.FirstOrDefault(m => m.Key == "columnName").Value?.AsText() ?? "",
            o.Members.FirstOrDefault(m => m.Key == "sourceDataType").Value?.AsText() ?? ""))];
    }

    /// <summary>Soda's name for a schema check without one.</summary>
    public string? DefaultName(CheckDefinition check) => "Schema Check";

    /// <summary>The events of each level and the measured schema, for a check that did not pass or with -V.</summary>
    public IEnumerable<string> SummaryLines(CheckResult result, Measurements measured, bool verbose)
    {
        if (result.Outcome == CheckOutcome.Pass && !verbose) yield break;
        if (result.Schema is { } s)
            foreach (var line in SchemaEvaluation.ConsoleLines(s.Fail, "fail").Concat(SchemaEvaluation.ConsoleLines(s.Warn, "warn")))
                yield return line;
        // A check not evaluated (no previous schema yet) still shows what was measured.
        var columns = result.Schema?.Measured ?? measured[result.Check.Metric!].Value as IReadOnlyList<(string Name, string Type)> ?? [];
        yield return $"schema_measured = [{string.Join(", ", columns.Select(c => $"{c.Name} {c.Type}"))}]";
    }
}
