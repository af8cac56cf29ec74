// Runs a program to its end and keeps what it wrote and how long it took, wall clock from start to exit: the bench's child
// processes (each measurement in its own process) and the published CLI's whole-process timings.
using System.Diagnostics;

namespace Sodalite.Bench;

/// <summary>A finished process: its exit code, output, and wall time from starting it to its exit.</summary>
public sealed record ProcessRun(int ExitCode, string Stdout, string Stderr, double Seconds)
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/> (each passed as one argument) to its end.</summary>
    public static async Task<ProcessRun> RunAsync(string file, IEnumerable<string> args, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) psi.WorkingDirectory = workingDirectory;
        foreach (string a in args) psi.ArgumentList.Add(a);
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        sw.Stop();
        return new ProcessRun(p.ExitCode, await stdout, await stderr, sw.Elapsed.TotalSeconds);
    }

    /// <summary>Runs the program and throws, with what it wrote to stderr, unless it exits 0; returns its stdout.</summary>
    public static async Task<string> CheckedAsync(string file, IEnumerable<string> args, string? workingDirectory = null)
    {
        var run = await RunAsync(file, args, workingDirectory);
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({run.ExitCode}):\n{run.Stdout}\n{run.Stderr}");
        return run.Stdout;
    }
}
