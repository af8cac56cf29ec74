// Group evolution checks (spec/sodacl.md §2.13; Soda's GroupEvolutionCheck): the groups a query names (its first column), checked
// for required and forbidden groups, and, with a metric history, for groups added or deleted since the previous scan.
using System.Text.RegularExpressions;
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Execution;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.GroupEvolutionCheck;

/// <summary>"group evolution": fail when the fail level finds a missing, forbidden, added or deleted group; warn for the warn level.</summary>
public sealed class GroupEvolutionCheckType : ICheckType
{
    /// <inheritdoc/>
    public ICheckSyntax? Syntax { get; } = new GroupEvolutionSyntax();

    /// <inheritdoc/>
    public bool Claims(CheckDefinition check) => check.Syntax is GroupEvolutionSyntax && check.Table is not null;

    /// <summary>Nested in a group by, it is judged like a metric check, as Soda builds it.</summary>
    public bool JudgesOneValue => false;

    /// <inheritdoc/>
    public void Plan(CheckDefinition check, CheckPlanning planning)
    {
        var settings = check.Settings as GroupEvolutionSettings ?? new GroupEvolutionSettings();
        if (string.IsNullOrWhiteSpace(settings.Query))
        {
            planning.Log.Error($"Group evolution check \"{check.Name ?? check.Line}\" needs 'query:', an SQL query whose first column names the groups (e.g. SELECT DISTINCT country FROM customers).", check.Location);
            return;
        }
        if (settings.Warn is null && settings.Fail is null)
        {
            planning.Log.Error("A group evolution check needs 'warn:' or 'fail:' validations, e.g. 'fail:' with 'when required group missing: [BE]'.", check.Location);
            return;
        }
        bool changes = settings.Warn?.ChangeValidations == true || settings.Fail?.ChangeValidations == true;
        if (changes && planning.HistoryLocation is null)
        {
            planning.Log.Error($"Group evolution checks with 'when groups change' compare the groups with the previous scan's (\"{check.Name ?? check.Line}\"), which needs history: pass --history FILE (Soda Core needs Soda Cloud for it).", check.Location);
            return;
        }
        // Soda's identity for the groups has no hash: one series per dataset, whatever the query.
        var metric = planning.Planner.GetOrAdd(new GroupEvolutionMetric
        {
            Identity = planning.Planner.MetricIdentity(check.Table, check.Partition, null, "group evolution", []),
            Name = "group evolution",
            Table = check.Table,
            Partition = check.Partition,
            Sql = settings.Query,
        });
        if (metric is GroupEvolutionMetric { Sql: var other } && other != settings.Query)
        {
            planning.Log.Error($"Group evolution checks on one dataset share their groups (Soda keys them by dataset): give \"{check.Name ?? check.Line}\" the same query as the first one, or put it under another dataset or filter.", check.Location);
            return;
        }
        if (changes) planning.NeedHistory(metric);
        planning.AddOrReport(check, metric, null);
    }

    /// <summary>
    /// Counts each level's events (missing required groups, present forbidden ones, and with 'when groups change' the groups added
    /// or deleted since the previous scan's); no previous groups: Soda's "Skipping group checks since there are no historic groups
    /// available!", not evaluated.
    /// </summary>
    public CheckResult Judge(PlannedCheck pc, CheckJudging judging)
    {
        var def = pc.Definition;
        string name = judging.Name(pc);
        var metric = pc.Metric!;
        if (judging.NotComputed(pc, metric, name) is { } notComputed) return notComputed;
        var settings = (GroupEvolutionSettings)def.Settings!;
        var groups = (IReadOnlyList<string>)judging.Measured[metric].Value!;
        IReadOnlyList<string>? previous = null;
        if (settings.Warn?.ChangeValidations == true || settings.Fail?.ChangeValidations == true)
        {
            previous = judging.History.GetValueOrDefault(metric.Identity)?.FirstOrDefault(p => p.Value is Results.Model.ListValue)?.Value is Results.Model.ListValue list
                ? [.. list.Items.Select(i => i?.AsText() ?? Results.Json.PyJson.Serialize(Results.Soda.SodaJsonWriter.ToNode(i)))]
                : null;
            if (previous is null)
            {
                judging.Log.Warning("Skipping group checks since there are no historic groups available! (notEnoughHistory)", def.Location);
                return new CheckResult(pc, name, null, null, null, null);
            }
        }
        var fail = Events(settings.Fail, groups, previous);
        var warn = Events(settings.Warn, groups, previous);
        var outcome = fail.Count > 0 ? CheckOutcome.Fail : warn.Count > 0 ? CheckOutcome.Warn : CheckOutcome.Pass;
        return new CheckResult(pc, name, outcome, (long)(fail.Count + warn.Count), null, null) { GroupEvents = (fail, warn) };
    }

    /// <summary>One level's events, as (group, reason) with reason Missing, Forbidden, Added or Deleted.</summary>
    private static List<(string Group, string Reason)> Events(GroupValidations? v, IReadOnlyList<string> groups, IReadOnlyList<string>? previous)
    {
        var events = new List<(string, string)>();
        if (v is null) return events;
        foreach (string g in v.Required.Distinct().Where(g => !groups.Contains(g))) events.Add((g, "Missing"));
        foreach (string pattern in v.Forbidden)
        {
            var regex = new Regex("^(?:" + Regex.Escape(pattern).Replace("%", ".*", StringComparison.Ordinal).Replace("\\*", ".*", StringComparison.Ordinal) + ")",
                RegexOptions.None, TimeSpan.FromSeconds(1));
            events.AddRange(groups.Where(g => regex.IsMatch(g)).Select(g => (g, "Forbidden")));
        }
        if (previous is not null)
        {
            if (v.AdditionForbidden) events.AddRange(groups.Distinct().Where(g => !previous.Contains(g)).Select(g => (g, "Added")));
            if (v.DeletionForbidden) events.AddRange(previous.Distinct().Where(g => !groups.Contains(g)).Select(g => (g, "Deleted")));
        }
        return events;
    }

    /// <summary>Each level's events ("fail: US, Missing"), then the groups measured.</summary>
    public IEnumerable<string> SummaryLines(CheckResult result, Measurements measured, bool verbose)
    {
        if (result.Outcome == CheckOutcome.Pass && !verbose) yield break;
        if (result.GroupEvents is { } e)
        {
            foreach (var (g, reason) in e.Fail) yield return $"fail: {g}, {reason}";
            foreach (var (g, reason) in e.Warn) yield return $"warn: {g}, {reason}";
        }
        if (measured[result.Check.Metric!].Value is IReadOnlyList<string> groups)
            yield return $"groups_measured = [{string.Join(", ", groups)}]";
    }
}
