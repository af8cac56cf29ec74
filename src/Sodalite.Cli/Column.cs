namespace Sodalite.Cli;

/// <summary>A column of a <see cref="TextTable"/>.</summary>
/// <param name="Header">Its header.</param>
/// <param name="Right">Aligned right (numbers).</param>
/// <param name="Wrap">On a terminal too narrow for the table, its cells may wrap onto more lines (text); the others keep their width.</param>
internal sealed record Column(string Header, bool Right = false, bool Wrap = false);
