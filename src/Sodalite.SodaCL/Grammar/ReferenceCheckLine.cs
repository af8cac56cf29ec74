namespace Sodalite.SodaCL.Grammar;

/// <summary><c>values in (cols) must [not] exist in T (cols)</c>.</summary>
/// <param name="SourceColumns">The checked table's columns, in order.</param>
/// <param name="TargetTable">The table the values must (not) exist in.</param>
/// <param name="TargetColumns">Its columns, paired in order with <paramref name="SourceColumns"/> (the parser checks the counts match).</param>
/// <param name="MustNotExist">True for <c>must not exist</c>.</param>
public sealed record ReferenceCheckLine(IReadOnlyList<string> SourceColumns, string TargetTable,
    IReadOnlyList<string> TargetColumns, bool MustNotExist) : CheckLine;
