namespace Sodalite.SodaCL.Yaml;

/// <summary>
/// Bounds on the work one checks or configuration file may ask of the YAML reader, so that a few hundred hostile bytes cannot
/// take minutes or gigabytes (an alias bomb, a self-referencing alias, thousands of nested brackets). The defaults are far above
/// any real checks file: Soda's own test suite never nests deeper than 8 levels, and a file of 5,000 checks is about 50,000 nodes.
/// Set them with the scan's <c>--yaml-max-depth</c>, <c>--yaml-max-nodes</c> and <c>--max-file-size</c> options.
/// </summary>
/// <param name="MaxFileBytes">Largest file read, in bytes (default 16 MiB).</param>
/// <param name="MaxDepth">Deepest nesting of mappings and sequences (default 200).</param>
/// <param name="MaxNodes">Most nodes the file holds once every alias is expanded (default 1,000,000).</param>
public sealed record YamlLimits(long MaxFileBytes = 16 * 1024 * 1024, int MaxDepth = 200, long MaxNodes = 1_000_000)
{
    /// <summary>The defaults.</summary>
    public static YamlLimits Default { get; } = new();
}
