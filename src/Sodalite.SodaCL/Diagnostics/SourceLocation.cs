namespace Sodalite.SodaCL.Diagnostics;

/// <summary>A 1-based position in a checks or configuration file, as the user wrote its path.</summary>
public sealed record SourceLocation(string FilePath, int Line, int Col)
{
    public override string ToString() => $"line={Line},col={Col} in {FilePath}";
}
