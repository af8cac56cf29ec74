namespace Sodalite.SodaCL.Grammar;

/// <summary>A check line that does not follow the grammar; <see cref="Column"/> is 0-based in the line.</summary>
public sealed class CheckLineException(string message, int column) : Exception(message)
{
    public int Column { get; } = column;
}
