namespace Sodalite.Cli;

/// <summary>A cell of a <see cref="TextTable"/>: its text, and on a terminal its colour (a Spectre.Console style such as "red").</summary>
/// <param name="Text">What the cell shows.</param>
/// <param name="Style">The colour on a terminal; null: the default.</param>
internal sealed record Cell(string Text, string? Style = null);
