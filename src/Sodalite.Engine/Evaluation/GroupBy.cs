// Group by checks (spec/sodacl.md §2.12): each row of the query is a group; each nested check runs on each group's row
// as "<name> [v1,v2]". The group by check itself is local: it shows in the console summary, not in the results' checks.
using Sodalite.Engine.Execution;
using Sodalite.Engine.Identity;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;
using Sodalite.SodaCL.Yaml;
using YamlDotNet.RepresentationModel;

namespace Sodalite.Engine.Evaluation;

/// <summary>Which group a nested check ran on: the group by check's identity, the nested check's name and the group's values.</summary>
public sealed record GroupInfo(string Identity, string Name, string DistinctLabel);

public static class GroupBy
{
    public static CheckResult Evaluate(PlannedCheck pc, SodaClDocument doc, SodaClParser parser, Planner planner, Evaluator evaluator,
        string dataSource, ScanLogger log, List<Metric> metrics, List<CheckResult> groupChecks)
    {
        var def = pc.Definition;
        string name = def.Name ?? def.Line;
        var metric = pc.Metric!;
        var spec = def.GroupBy!;
        if (!metric.Computed)
        {
            log.Error($"Metrics '{metric.Name}' were not computed for check '{def.Line}'", def.Location);
            return new CheckResult(pc, name, null, null, null, null) { Local = true };
        }
        var rows = (List<IReadOnlyList<(string Column, object? Value)>>)metric.Value!;
        if (metric.GroupCount > spec.GroupLimit)
        {
            // Soda's message; its group by metric still lists every group, and no nested check runs.
            log.Error($"Evaluation of check group by failed: Total number of groups {metric.GroupCount} exceeds configured group limit: {spec.GroupLimit}", def.Location);
            return new CheckResult(pc, name, null, null, null, null) { Local = true };
        }
        static object? Field(IReadOnlyList<(string Column, object? Value)> row, string column) =>
            row.FirstOrDefault(c => string.Equals(c.Column, column, StringComparison.OrdinalIgnoreCase)).Value;
        bool Has(IReadOnlyList<(string Column, object? Value)> row, string column) =>
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
        var listed = metrics.Select(m => m.Identity).ToHashSet(StringComparer.Ordinal);
        void AddMetric(Metric m)
        {
            if (listed.Add(m.Identity)) metrics.Add(m);
        }
        string groupSql = spec.Query.Trim();
        var mine = new List<CheckResult>();
        foreach (var row in rows)
        {
            string distinct = string.Join(",", spec.Fields.Select(f => Evaluator.ValueText(Field(row, f))));
            string label = $"[{distinct}]";
            foreach (var nested in spec.Checks)
            {
                var child = parser.GroupCheck(def, nested, label, doc);
                if (child is null) continue;
                // Soda builds each nested check as a user-defined query metric named after its check line; it is never run,
                // so it is listed without a value (and only when some group reaches the nested checks).
                string nestedLine = nested is YamlMappingNode nm && nm.Children.Count > 0 ? RuamelEmitter.Text(nm.Children[0].Key) : RuamelEmitter.Text(nested);
                AddMetric(new Metric { Identity = planner.MetricIdentity(null, null, null, nestedLine, [groupSql]), Name = nestedLine, Kind = MetricKind.Unresolved, Table = null });
                string metricName = child.MetricLine?.Metric ?? child.Line;
                if (!Has(row, metricName))
                {
                    log.Error($"Group by query returns no column '{metricName}' for check \"{child.Line}\"; name a column of the query in the check.", child.Location);
                    continue;
                }
                var value = new Metric
                {
                    Identity = planner.MetricIdentity(child.Table, child.Partition, null, child.Name!, []),
                    Name = child.Name!,
                    Kind = MetricKind.GroupValue,
                    Table = child.Table,
                    Partition = child.Partition,
                    Value = QueryExecutor.Normalize(Field(row, metricName)),
                    Computed = true,
                };
                AddMetric(value);
                var childCheck = new PlannedCheck { Definition = child, Identities = CheckIdentities.For(child, dataSource), Metric = value };
                string nestedName = child.Name![..^(label.Length + 1)];
                mine.Add(evaluator.Evaluate(childCheck) with { Group = new GroupInfo(pc.Identities.V3, nestedName, distinct) });
            }
        }
        groupChecks.AddRange(mine);
        // Soda: pass when all groups pass, fail when any fails, and pass otherwise (warnings stay on the groups).
        var outcome = mine.Any(r => r.Outcome == CheckOutcome.Fail) ? CheckOutcome.Fail : CheckOutcome.Pass;
        return new CheckResult(pc, name, outcome, null, null, null) { Local = true };
    }
}
