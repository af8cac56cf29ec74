namespace Sodalite.Cli.Tests.Fuzzing;

/// <summary>One broken promise for one input.</summary>
/// <param name="Kind">What went wrong, normalized (no numbers, paths or quoted user text) so that equal bugs group together.</param>
/// <param name="Detail">The exact line or exception as it appeared.</param>
/// <param name="Input">The input that caused it.</param>
/// <param name="Output">The command's stdout and stderr.</param>
internal sealed record FuzzFailure(string Kind, string Detail, FuzzInput Input, string Output);
