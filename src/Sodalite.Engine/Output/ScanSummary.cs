// The "Scan summary:" log lines Soda prints at the end of a scan (spec/sodacl.md §6.1).
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Execution;
using Sodalite.SodaCL.Diagnostics;

namespace Sodalite.Engine.Output;

public static class ScanSummary
{
    public static void Log(ScanLogger log, IReadOnlyList<CheckResult> results, Measurements measured, string dataSource, bool verbose)
    {
        log.Info("Scan summary:");
        int total = results.Count;
        int pass = results.Count(r => r.Outcome == CheckOutcome.Pass);
        int warn = results.Count(r => r.Outcome == CheckOutcome.Warn);
        int fail = results.Count(r => r.Outcome == CheckOutcome.Fail);
        int notEvaluated = results.Count(r => r.Outcome is null);
        if (total == 0) log.Warning("No valid checks found, 0 checks evaluated.");
        Section(log, results, measured, CheckOutcome.Pass, "PASSED", total, dataSource, verbose);
        Section(log, results, measured, CheckOutcome.Warn, "WARNED", total, dataSource, verbose);
        Section(log, results, measured, CheckOutcome.Fail, "FAILED", total, dataSource, verbose);
        Section(log, results, measured, null, "NOT EVALUATED", total, dataSource, verbose);
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

    private static void Section(ScanLogger log, IReadOnlyList<CheckResult> results, Measurements measured, CheckOutcome? outcome, string word, int total, string ds, bool verbose)
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
            else
            {
                foreach (var line in r.Check.Type.SummaryLines(r, measured, verbose)) log.Info(detail + line);
            }
        }
    }
}
