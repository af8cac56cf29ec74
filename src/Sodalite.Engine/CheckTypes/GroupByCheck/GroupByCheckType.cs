// Group by checks (spec/sodacl.md §2.12): each row of the query is a group; each nested check runs on each group's row
// as "<name> [v1,v2]". The group by check itself is local: it shows in the console summary, not in the results' checks.
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Execution;
using Sodalite.Engine.Identity;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;
using Sodalite.SodaCL.Yaml;
using YamlDotNet.RepresentationModel;

namespace Sodalite.Engine.CheckTypes.GroupByCheck;

/// <summary>Group by checks: one query of groups, nested checks judged per group.</summary>
public sealed class GroupByCheckType : ICheckType
{
    /// <inheritdoc/>
    public ICheckSyntax? Syntax { get; } = new GroupBySyntax();

    /// <inheritdoc/>
    public bool Claims(CheckDefinition check) => check.Syntax is GroupBySyntax && check.Table is not null;

    /// <inheritdoc/>
    public void Plan(CheckDefinition check, CheckPlanning planning)
    {
        if (check.GroupBy is not { } spec) return; // the parser reported what is missing
        string groupSql = spec.Query.Trim();
        var metric = planning.Planner.GetOrAdd(new GroupByMetric
        {
            Identity = planning.Planner.MetricIdentity(check.Table, check.Partition, null, "group by", [groupSql]),
            Name = "group by",
            Table = check.Table,
            Partition = check.Partition,
            Sql = groupSql,
        });
        planning.AddOrReport(check, metric, null);
    }

    /// <summary>Its nested checks get the checks-wide rules one by one; the group by check only sums them up.</summary>
    public bool AppliesCheckRules => false;

    /// <summary>A group by check without a name is named after its line (no thresholds of its own).</summary>
    public string? DefaultName(CheckDefinition check) => check.Line;

    /// <summary>It judges groups of its own: nested in a group by, it is judged like a metric check.</summary>
    public bool JudgesOneValue => false;

    /// <summary>Nothing: its groups are checks of their own.</summary>
    public IEnumerable<string> SummaryLines(CheckResult result, Measurements measured, bool verbose) => [];

    /// <summary>
    /// Judges each nested check on each group (added to <see cref="CheckJudging.NestedResults"/>, with their metrics to
    /// <see cref="CheckJudging.Metrics"/>); the group by check fails when any nested result fails and passes otherwise (warnings stay on the groups).
    /// </summary>
    public CheckResult Judge(PlannedCheck pc, CheckJudging judging)
    {
        var def = pc.Definition;
        var log = judging.Log;
        string name = def.Name ?? def.Line;
        var metric = pc.Metric!;
        var spec = def.GroupBy!;
        var found = judging.Measured[metric];
        if (!found.Computed)
        {
            log.Error($"Metrics '{metric.Name}' were not computed for check '{def.Line}'", def.Location);
            return new CheckResult(pc, name, null, null, null, null) { Local = true };
        }
        var rows = (List<IReadOnlyList<(string Column, object? Value)>>)found.Value!;
        if (found.GroupCount > spec.GroupLimit)
        {
            // Soda's message; its group by metric still lists every group, and no nested check runs.
            log.Error($"Evaluation of check group by failed: Total number of groups {found.GroupCount} exceeds configured group limit: {spec.GroupLimit}", def.Location);
            return new CheckResult(pc, name, null, null, null, null) { Local = true };
        }
        static object? Field(IReadOnlyList<(string Column, object? Value)> row, string column) =>
            row.FirstOrDefault(c => string.Equals(c.Column, column, StringComparison.OrdinalIgnoreCase)).Value;
        static bool Has(IReadOnlyList<(string Column, object? Value)> row, string column) =>
            row.Any(c => string.Equals(c.Column, column, StringComparison.OrdinalIgnoreCase));

        var missingFields = rows.Count == 0 ? [] : spec.Fields.Where(f => !Has(rows[0], f)).ToList();
        if (missingFields.Count > 0)
        {
            log.Error($"Evaluation of check group by failed: the query returns no column {string.Join(", ", missingFields)} named in 'fields'. " +
                      $"It returns: {string.Join(", ", rows[0].Select(c => c.Column))}.", def.Location);
            return new CheckResult(pc, name, null, null, null, null) { Local = true };
        }

        // Soda's metrics are a set keyed by identity: a metric whose identity is already listed (the same group of a nested check
        // of the same name in another group by on the table) is not listed again; the check still gets its own value.
        var metrics = judging.Metrics;
        var listed = metrics.Select(m => m.Identity).ToHashSet(StringComparer.Ordinal);
        void AddMetric(Metric m)
        {
            if (listed.Add(m.Identity)) metrics.Add(m);
        }
        var planner = judging.Planner!;
        string groupSql = spec.Query.Trim();
        var mine = new List<CheckResult>();
        foreach (var row in rows)
        {
            string distinct = string.Join(",", spec.Fields.Select(f => Evaluator.ValueText(Field(row, f))));
            string label = $"[{distinct}]";
            foreach (var nested in spec.Checks)
            {
                var child = judging.Parser!.GroupCheck(def, nested, label, judging.Document!);
                if (child is null) continue;
                // Soda builds each nested check as a user-defined query metric named after its check line; it is never run,
                // so it is listed without a value (and only when some group reaches the nested checks).
                string nestedLine = nested is YamlMappingNode nm && nm.Children.Count > 0 ? RuamelEmitter.Text(nm.Children[0].Key) : RuamelEmitter.Text(nested);
                AddMetric(new UnresolvedMetric { Identity = planner.MetricIdentity(null, null, null, nestedLine, [groupSql]), Name = nestedLine, Table = null });
                string metricName = child.MetricLine?.Metric ?? child.Line;
                if (!Has(row, metricName))
                {
                    log.Error($"Group by query returns no column '{metricName}' for check \"{child.Line}\"; name a column of the query in the check.", child.Location);
                    continue;
                }
                var value = new GroupValueMetric
                {
                    Identity = planner.MetricIdentity(child.Table, child.Partition, null, child.Name!, []),
                    Name = child.Name!,
                    Table = child.Table,
                    Partition = child.Partition,
                };
                judging.Measured.Record(value, new Measurement { Value = QueryExecutor.Normalize(Field(row, metricName)), Computed = true });
                AddMetric(value);
                var childCheck = new PlannedCheck
                {
                    Definition = child,
                    Identities = CheckIdentities.For(child, judging.DataSourceName),
                    Metric = value,
                    Type = NestedTypeOf(child),
                };
                string nestedName = child.Name![..^(label.Length + 1)];
                mine.Add(judging.Evaluator.Evaluate(childCheck) with { Group = new GroupInfo(pc.Identities.V3, nestedName, distinct) });
            }
        }
        judging.NestedResults.AddRange(mine);
        var outcome = mine.Any(r => r.Outcome == CheckOutcome.Fail) ? CheckOutcome.Fail : CheckOutcome.Pass;
        return new CheckResult(pc, name, outcome, null, null, null) { Local = true };
    }

    /// <summary>A nested check no type claims judges its group's value like a metric check.</summary>
    private static readonly ICheckType NestedType = new MetricCheck.MetricCheckType();

    /// <summary>The type that judges a nested check on one group's value: its own where it judges one value alone, a metric check's otherwise.</summary>
    private static ICheckType NestedTypeOf(CheckDefinition child) => CheckTypeRegistry.For(child) is { JudgesOneValue: true } type ? type : NestedType;
}
