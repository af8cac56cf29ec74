// The comments and blank lines ruamel.yaml keeps with a node when Soda dumps a check, read back from the source text (YamlDotNet's
// node model drops them). Observed on Soda Core 3.5.6 with ruamel.yaml 0.17.21: after a scalar, the rest of its line (an end-of-line
// comment, re-emitted at its original column) and the blank and comment-only lines that follow are kept verbatim; after a flow
// collection only when its line ends in a comment; after a key whose value is a block mapping or sequence, the same lines before
// its first entry. All of them show in `definition`; in the identity's !!omap (a fresh mapping) only those that belong to a nested
// collection (a list's items, a flow list's end), not those of the configuration's own values.
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Sodalite.SodaCL.Yaml;

/// <summary>Finds the comment text ruamel attaches after a node, in one file's source text.</summary>
/// <param name="text">The whole YAML file as read, the text the nodes' marks point into.</param>
public sealed class SourceComments(string text)
{
    /// <summary>
    /// The comment kept after <paramref name="node"/> (a key when <paramref name="isKey"/>), or null when there is none or the
    /// node has no source position (built in code, not read from <c>text</c>).
    /// </summary>
    public NodeComment? After(YamlNode node, bool isKey)
    {
        bool flow = node is YamlSequenceNode { Style: SequenceStyle.Flow } or YamlMappingNode { Style: MappingStyle.Flow };
        if (node is YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded } block)
        {
            // After a block scalar ruamel keeps the blank and comment lines that follow its last content line (a comment indented
            // as deep as the content is content).
            if (isKey || BlockEnd(block) is not var (indicatorEnd, contentEnd, contentIndent)) return null;
            string after = Following(contentEnd);
            IReadOnlyList<string>? lines = block.Style == ScalarStyle.Folded && contentEnd > indicatorEnd
                ? [.. text[(indicatorEnd + 1)..contentEnd].Split('\n').Select(l => l.TrimEnd('\r')).Select(l => l.Length > contentIndent ? l[contentIndent..] : "")]
                : null;
            return after.Length == 0 && lines is null ? null : new NodeComment(-1, "", after, lines);
        }
        if (node is not YamlScalarNode && !flow) return null;
        if (End(node) is not int pos) return null;
        int lineEnd = text.IndexOf('\n', pos);
        if (lineEnd < 0) lineEnd = text.Length;
        int lineStart = text.LastIndexOf('\n', Math.Max(0, pos - 1)) + 1;
        string rest = text[pos..lineEnd].TrimEnd('\r');
        int restStart = pos;
        if (isKey)
        {
            int colon = rest.IndexOf(':');
            if (colon < 0 || rest[..colon].Trim().Length > 0) return null;
            rest = rest[(colon + 1)..];
            restStart += colon + 1;
        }
        string trimmed = rest.Trim();
        if (trimmed.Length > 0 && !trimmed.StartsWith('#')) return null; // the line goes on: not where the node's line ends
        int column = -1;
        string eol = "";
        if (trimmed.Length > 0)
        {
            int hash = rest.IndexOf('#');
            column = restStart + hash - lineStart;
            eol = rest[hash..].TrimEnd();
        }
        if (flow && eol.Length == 0) return null;
        string following = Following(lineEnd);
        return eol.Length == 0 && following.Length == 0 ? null : new NodeComment(column, eol, following);
    }

    /// <summary>The blank and comment-only lines after the line that ends at <paramref name="lineEnd"/> (its newline), each with a newline.</summary>
    private string Following(int lineEnd)
    {
        var following = new System.Text.StringBuilder();
        int next = lineEnd + 1;
        while (next < text.Length)
        {
            int end = text.IndexOf('\n', next);
            if (end < 0) end = text.Length;
            string line = text[next..end].TrimEnd('\r');
            string t = line.Trim();
            if (t.Length > 0 && !t.StartsWith('#')) break;
            if (end == text.Length && line.Length == 0) break;
            following.Append(t.Length == 0 ? "" : line.TrimEnd()).Append('\n');
            next = end + 1;
        }
        return following.ToString();
    }

    /// <summary>
    /// Where a block scalar is in the source: the newline ending its indicator line, the newline ending its last content line (the
    /// indicator line's when it has no content), and the content's indent. Content lines are indented at least as deep as its first
    /// non-blank line; null when that cannot be found in the source.
    /// </summary>
    private (int IndicatorEnd, int ContentEnd, int ContentIndent)? BlockEnd(YamlScalarNode block)
    {
        if (block.Start.Equals(Mark.Empty) || block.Start.Index >= text.Length) return null;
        // The node starts at its '|' or '>' indicator, or (as YamlDotNet marks some) at its first content line: find the indicator's line.
        int start = (int)block.Start.Index;
        int lineStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        if (text[start] is not ('|' or '>') && text.IndexOfAny(['|', '>'], lineStart, start - lineStart) < 0)
        {
            if (lineStart == 0) return null;
            start = lineStart - 1;
        }
        int lineEnd = text.IndexOf('\n', start);
        if (lineEnd < 0) return null;
        int indicatorLineStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        int parentIndent = Indent(text[indicatorLineStart..lineEnd]);
        int contentIndent = -1, last = lineEnd;
        for (int next = lineEnd + 1; next < text.Length;)
        {
            int end = text.IndexOf('\n', next);
            if (end < 0) end = text.Length;
            string line = text[next..end].TrimEnd('\r');
            if (line.Trim().Length > 0)
            {
                int indent = Indent(line);
                if (contentIndent < 0) contentIndent = indent;
                if (indent < contentIndent || indent <= parentIndent) break;
                last = end;
            }
            next = end + 1;
        }
        return (lineEnd, last, Math.Max(0, contentIndent));
    }

    private static int Indent(string line)
    {
        int i = 0;
        while (i < line.Length && line[i] == ' ') i++;
        return i;
    }

    /// <summary>The source offset just after a node; YamlDotNet gives collections no end, so a flow one's is found at its bracket.</summary>
    private int? End(YamlNode node)
    {
        if (node.Start.Equals(Mark.Empty) && node.End.Equals(Mark.Empty)) return null; // built by the parser, not read
        switch (node)
        {
            case YamlScalarNode:
                return node.End.Index > 0 && node.End.Index <= text.Length ? (int)node.End.Index : null;
            case YamlSequenceNode or YamlMappingNode:
                YamlNode? last = node is YamlSequenceNode s ? s.Children.LastOrDefault() : ((YamlMappingNode)node).Children.LastOrDefault().Value;
                int from = last is null ? (int)node.Start.Index + 1 : End(last) ?? -1;
                if (from < 0 || from > text.Length) return null;
                char close = node is YamlSequenceNode ? ']' : '}';
                for (int i = from; i < text.Length; i++)
                {
                    if (text[i] == close) return i + 1;
                    if (text[i] is not (' ' or ',' or '\n' or '\r' or '\t')) return null;
                }
                return null;
            default:
                return null;
        }
    }
}
