using Sodalite.SodaCL.Diagnostics;

namespace Sodalite.SodaCL.Parsing;

/// <summary>
/// Thrown inside the parser where Soda Core gives up on the rest of a checks file ("Could not add SodaCL file"), such as a YAML
/// merge key in a check configuration; <see cref="SodaClParser.Parse"/> logs it with its location and keeps what came before.
/// </summary>
/// <param name="file">The checks file, as given.</param>
/// <param name="reason">What Soda cannot read there and what to write instead, as sentences.</param>
/// <param name="location">Where the file stopped being read.</param>
public sealed class SodaClFileException(string file, string reason, SourceLocation location)
    : Exception($"Could not add SodaCL file {file}: {reason} The checks after it in the file were not read.")
{
    /// <summary>Where the file stopped being read.</summary>
    public SourceLocation Location { get; } = location;

    /// <summary>The message without its last sentence, for where only one check is lost (a group by's nested check).</summary>
    public string Notice { get; } = $"Could not add SodaCL file {file}: {reason}";
}
