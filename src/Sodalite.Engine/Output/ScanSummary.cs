// The "Scan summary:" log lines Soda prints at the end of a scan (spec/sodacl.md §6.1).
using Sodalite.Engine.Evaluation;
using Sodalite.SodaCL.Diagnostics;

namespace Sodalite.Engine.Output;

public static class ScanSummary
{
    public static void Log(ScanLogger log, IReadOnlyList<CheckResult> results, string dataSource, bool verbose)
    {
        log.Info("Scan summary:");
        int total = results.Count;
        int pass = results.Count(r => r.Outcome == CheckOutcome.Pass);
        int warn = results.Count(r => r.Outcome == CheckOutcome.Warn);
        int fail = results.Count(r => r.Outcome == CheckOutcome.Fail);
        int notEvaluated = results.Count(r => r.Outcome is null);
        if (total == 0) log.Warning("No valid checks found, 0 checks evaluated.");
        Section(log, results, CheckOutcome.Pass, "PASSED", total, dataSource, verbose);
        Section(log, results, CheckOutcome.Warn, "WARNED", total, dataSource, verbose);
        Section(log, results, CheckOutcome.Fail, "FAILED", total, dataSource, verbose);
        Section(log, results, null, "NOT EVALUATED", total, dataSource, verbose);
        if (notEvaluated > 0) log.Info($"{notEvaluated} checks not evaluated.");
        int errors = log.Logs.Count(l => l.Level == ScanLogLevel.Error);
        if (errors > 0) log.Info($"{errors} errors.");
        log.Info(FinalLine(pass, warn, fail, errors, notEvaluated));
    }

    public static string FinalLine(int pass, int warn, int fail, int errors, int notEvaluated)
    {
        // Soda picks "failure" when the WARNING count is 1; kept for byte parity.
        string failText = warn == 1 ? "failure" : "failures";
        string W(int n) => n == 1 ? "warning" : "warnings";
        string E(int n) => n == 1 ? "error" : "errors";
        if (errors > 0) return $"Oops! {errors} {E(errors)}. {fail} {failText}. {warn} {W(warn)}. {pass} pass.";
        if (fail > 0) return $"Oops! {fail} {failText}. {warn} {W(warn)}. {errors} {E(errors)}. {pass} pass.";
        if (warn > 0) return $"Only {warn} {W(warn)}. {fail} {failText}. {errors} {E(errors)}. {pass} pass.";
        if (notEvaluated > 0) return "Apart from the checks that have not been evaluated, no failures, no warnings and no errors.";
        return "All is good. No failures. No warnings. No errors.";
    }

    private static void Section(ScanLogger log, IReadOnlyList<CheckResult> results, CheckOutcome? outcome, string word, int total, string ds, bool verbose)
    {
        var mine = results.Where(r => r.Outcome == outcome).ToList();
        if (mine.Count == 0) return;
        log.Info($"{mine.Count}/{total} check{(total == 1 ? "" : "s")} {word}: ");
        string? group = null;
        foreach (var r in mine)
        {
            var def = r.Check.Definition;
            string g = $"    {def.Table}{(def.Partition is null ? "" : $" [{def.Partition}]")} in {ds}";
            if (g != group) log.Info(g);
            group = g;
            log.Info($"      {r.Name} [{word}]");
            if (r.Check.Definition.Kind == SodaCL.Model.CheckKind.Schema)
            {
                if (outcome != CheckOutcome.Pass || verbose)
                {
                    if (r.Schema is { } s)
                    {
                        foreach (var line in SchemaEvaluation.ConsoleLines(s.Fail, "fail").Concat(SchemaEvaluation.ConsoleLines(s.Warn, "warn")))
                            log.Info($"        {line}");
                    }
                    var measured = r.Schema?.Measured ?? [];
                    log.Info($"        schema_measured = [{string.Join(", ", measured.Select(c => $"{c.Name} {c.Type}"))}]");
                }
            }
            else if (r.Check.Definition.Kind == SodaCL.Model.CheckKind.Freshness)
            {
                if ((outcome != CheckOutcome.Pass || verbose) && r.Freshness is { } f)
                {
                    log.Info($"        max_column_timestamp: {f.MaxColumnTimestamp ?? "None"}");
                    log.Info($"        max_column_timestamp_utc: {f.MaxColumnTimestampUtc ?? "None"}");
                    log.Info($"        now_variable_name: {f.NowVariableName}");
                    log.Info($"        now_timestamp: {f.NowTimestamp}");
                    log.Info($"        now_timestamp_utc: {f.NowTimestampUtc}");
                    log.Info($"        freshness: {f.Freshness ?? "None"}");
                }
            }
            else if (r.Check.Definition.Kind == SodaCL.Model.CheckKind.Reference)
            {
                if (outcome != CheckOutcome.Pass || verbose) log.Info($"        value: {Evaluator.ValueText(r.Value)}");
            }
            else if (outcome != CheckOutcome.Pass || verbose)
            {
                log.Info($"        check_value: {Evaluator.ValueText(r.Value)}");
                var m = r.Check.Metric;
                if (m?.CountMetric is { } c && m.RowCountMetric is { } rc)
                {
                    log.Info($"        row_count: {Evaluator.ValueText(rc.Value)}");
                    log.Info($"        {c.Name}: {Evaluator.ValueText(c.Value)}");
                }
            }
        }
    }
}
