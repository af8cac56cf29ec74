// What ruamel.yaml keeps after a node when Soda dumps a check; SourceComments finds it (observed on Soda Core 3.5.6, ruamel.yaml 0.17.21).
namespace Sodalite.SodaCL.Yaml;

/// <summary>What ruamel keeps after a node: an end-of-line comment (with its 0-based source column) and the lines that follow.</summary>
/// <param name="Column">0-based column of the '#' in the source, or -1 without an end-of-line comment.</param>
/// <param name="EndOfLine">The comment from '#', or "".</param>
/// <param name="Following">Blank and comment-only lines after the node's line, each with its newline.</param>
/// <param name="BlockLines">For a folded block scalar (<c>&gt;</c>), its content lines as written (less their indent): ruamel keeps
/// where the source broke them, which the folded value no longer tells; null otherwise.</param>
public sealed record NodeComment(int Column, string EndOfLine, string Following, IReadOnlyList<string>? BlockLines = null);
