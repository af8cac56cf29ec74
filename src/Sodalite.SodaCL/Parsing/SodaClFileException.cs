using Sodalite.SodaCL.Diagnostics;

namespace Sodalite.SodaCL.Parsing;

/// <summary>
/// Thrown inside the parser where Soda Core gives up on the rest of a checks file ("Could not add SodaCL file"), such as a YAML
/// merge key in a check configuration; <see cref="SodaClParser.Parse"/> logs it with its location and keeps what came before.
/// </summary>
public sealed class SodaClFileException(string message, SourceLocation location) : Exception(message)
{
    /// <summary>Where the file stopped being read.</summary>
    public SourceLocation Location { get; } = location;
}
