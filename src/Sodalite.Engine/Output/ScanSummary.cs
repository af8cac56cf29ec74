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
            // Data-source-level checks (a 'checks:' section) are listed without a table line, two spaces less indented.
            string indent = def.Table is null ? "    " : "      ";
            if (def.Table is not null)
            {
                string g = $"    {def.Table}{(def.Partition is null ? "" : $" [{def.Partition}]")} in {ds}";
                if (g != group) log.Info(g);
                group = g;
            }
            log.Info($"{indent}{r.Name} [{word}]");
            string detail = indent + "  ";
            if (outcome is null && r.Check.Definition.ConfigError is { } configError)
            {
                // Its values were measured without the configuration in error: printing them would read as a verdict.
                log.Info($"{detail}not judged: {configError}");
            }
            else if (r.Check.Definition.Kind == SodaCL.Model.CheckKind.GroupBy)
            {
                // The group by check prints nothing of its own: its groups are checks of their own.
            }
            else if (r.Check.Definition.Kind == SodaCL.Model.CheckKind.Schema)
            {
                if (outcome != CheckOutcome.Pass || verbose)
                {
                    if (r.Schema is { } s)
                    {
                        foreach (var line in SchemaEvaluation.ConsoleLines(s.Fail, "fail").Concat(SchemaEvaluation.ConsoleLines(s.Warn, "warn")))
                            log.Info($"{detail}{line}");
                    }
                    var measured = r.Schema?.Measured ?? [];
                    log.Info($"{detail}schema_measured = [{string.Join(", ", measured.Select(c => $"{c.Name} {c.Type}"))}]");
                }
            }
            else if (r.Check.Definition.Kind == SodaCL.Model.CheckKind.Freshness)
            {
                if ((outcome != CheckOutcome.Pass || verbose) && r.Freshness is { } f)
                {
                    log.Info($"{detail}max_column_timestamp: {f.MaxColumnTimestamp ?? "None"}");
                    log.Info($"{detail}max_column_timestamp_utc: {f.MaxColumnTimestampUtc ?? "None"}");
                    log.Info($"{detail}now_variable_name: {f.NowVariableName}");
                    log.Info($"{detail}now_timestamp: {f.NowTimestamp}");
                    log.Info($"{detail}now_timestamp_utc: {f.NowTimestampUtc}");
                    log.Info($"{detail}freshness: {f.Freshness ?? "None"}");
                }
            }
            else if (r.Check.Definition.Kind == SodaCL.Model.CheckKind.FailedRows)
            {
                if (outcome != CheckOutcome.Pass || verbose)
                {
                    var m = r.Check.Metric!;
                    // The condition form prints like a metric check, with its sample; the query form prints its row count.
                    if (m.Kind == Planning.MetricKind.FailedRowsQuery) log.Info($"{detail}value: {Evaluator.ValueText(r.Value)}");
                    else
                    {
                        log.Info($"{detail}check_value: {Evaluator.ValueText(r.Value)}");
                        if (m.Sample is { } s)
                            log.Info($"{detail}failed_rows_sample_ref: not-persisted Samples are not sent to Soda Cloud {s.Columns.Count}x({s.RowCount}/{s.TotalRowCount ?? s.RowCount})");
                    }
                }
            }
            else if (r.Check.Definition.Kind == SodaCL.Model.CheckKind.Reference)
            {
                if (outcome != CheckOutcome.Pass || verbose) log.Info($"{detail}value: {Evaluator.ValueText(r.Value)}");
            }
            else if (outcome != CheckOutcome.Pass || verbose)
            {
                log.Info($"{detail}check_value: {Evaluator.ValueText(r.Value)}");
                var m = r.Check.Metric;
                if (m?.CountMetric is { } c && m.RowCountMetric is { } rc)
                {
                    log.Info($"{detail}row_count: {Evaluator.ValueText(rc.Value)}");
                    log.Info($"{detail}{c.Name}: {Evaluator.ValueText(c.Value)}");
                }
            }
        }
    }
}
