namespace Sodalite.SodaCL.Yaml;

/// <summary>Why a YAML file could not be read: the message (first line as Soda words it) and the 1-based line and column.</summary>
/// <param name="Message">Multi-line message; the first line is "YAML syntax error" for what Soda also rejects as such.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Col">1-based column.</param>
public sealed record YamlProblem(string Message, int Line, int Col);
