// Re-emits YAML nodes the way ruamel.yaml's round-trip dumper does with
// indent(mapping=2, sequence=4, offset=2): Soda builds check definitions and identities from it. Like ruamel (width 80), a long
// scalar is folded at a single space once the line is past column 80, a double-quoted one with "\" line ends, and a flow collection
// goes on after a comma on the next line; the continuation is indented two more than the key (or at a sequence item's column).
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Sodalite.SodaCL.Yaml;

public static class RuamelEmitter
{
    /// <summary>
    /// The definition of a check with configuration: <c>{header: [{line: cfg}]}</c> dumped. <paramref name="comments"/> gives
    /// the source text ruamel keeps after a node (its end-of-line comment and the blank and comment lines that follow, ending in
    /// a newline) for a node and whether it is a key; null where there is none (see <see cref="SourceComments"/>).
    /// </summary>
    public static string Definition(string header, YamlNode lineKey, YamlNode? config, Func<YamlNode, bool, NodeComment?>? comments = null)
    {
        var sb = new StringBuilder();
        sb.Append(header).Append(":\n");
        sb.Append("  - ");
        EmitPair(sb, lineKey, config, 4, comments);
        return sb.ToString();
    }

    /// <summary>Soda's identity part: the remaining config keys sorted, dumped as <c>!!omap</c>.</summary>
    public static string Omap(IEnumerable<KeyValuePair<YamlNode, YamlNode>> pairs, Func<YamlNode, bool, NodeComment?>? comments = null)
    {
        var sb = new StringBuilder("!!omap\n");
        var list = pairs.OrderBy(p => Text(p.Key), StringComparer.Ordinal).ToList();
        // The omap is a fresh mapping: comments that ruamel keeps on the configuration mapping itself (after its keys and scalar
        // values) are lost; those of nested collections (list items, a flow list's end) go with them.
        var own = new HashSet<YamlNode>(list.SelectMany(p => p.Value is YamlScalarNode ? new[] { p.Key, p.Value } : [p.Key]), ReferenceEqualityComparer.Instance);
        Func<YamlNode, bool, NodeComment?>? nested = comments is null ? null : (n, isKey) =>
            !own.Contains(n) ? comments(n, isKey)
            : comments(n, isKey) is { BlockLines: not null } c ? new NodeComment(-1, "", "", c.BlockLines) : null;
        foreach (var (k, v) in list)
        {
            sb.Append("  - ");
            EmitPair(sb, k, v, 4, nested);
        }
        return sb.ToString();
    }

    private const int BestWidth = 80;

    private static void EmitPair(StringBuilder sb, YamlNode key, YamlNode? value, int indent, Func<YamlNode, bool, NodeComment?>? comments)
    {
        sb.Append(Scalar(key)).Append(':');
        EmitValue(sb, value, indent, comments, comments?.Invoke(key, true));
    }

    /// <summary>Ends a line: with the source's comment after <paramref name="node"/> when there is one.</summary>
    private static void EndLine(StringBuilder sb, YamlNode node, Func<YamlNode, bool, NodeComment?>? comments) =>
        WriteComment(sb, comments?.Invoke(node, false));

    /// <summary>An end-of-line comment at its source column (at least one space after the text, as ruamel does), then the lines after it.</summary>
    private static void WriteComment(StringBuilder sb, NodeComment? comment)
    {
        if (comment is null)
        {
            sb.Append('\n');
            return;
        }
        if (comment.EndOfLine.Length > 0) sb.Append(' ', Math.Max(1, comment.Column - Column(sb))).Append(comment.EndOfLine);
        sb.Append('\n').Append(comment.Following);
    }

    private static void EmitValue(StringBuilder sb, YamlNode? value, int indent, Func<YamlNode, bool, NodeComment?>? comments, NodeComment? afterKey)
    {
        switch (value)
        {
            case null:
                sb.Append('\n');
                return;
            case YamlScalarNode s when IsNull(s):
                sb.Append('\n');
                return;
            case YamlScalarNode s when s.Style is ScalarStyle.Literal or ScalarStyle.Folded:
                string v = s.Value ?? "";
                sb.Append(' ').Append(s.Style == ScalarStyle.Literal ? '|' : '>');
                if (!v.EndsWith('\n')) sb.Append('-');
                sb.Append('\n');
                var after = comments?.Invoke(s, false);
                // A folded scalar keeps the source's line breaks (ruamel's fold positions); its value alone no longer has them.
                foreach (var line in s.Style == ScalarStyle.Folded && after?.BlockLines is { } written ? written : v.TrimEnd('\n').Split('\n'))
                    sb.Append(line.Length == 0 ? "" : new string(' ', indent + 2) + line).Append('\n');
                sb.Append(after?.Following);
                return;
            case YamlScalarNode s:
                sb.Append(' ');
                WriteScalar(sb, s, indent + 2);
                EndLine(sb, s, comments);
                return;
            case YamlSequenceNode q when q.Style == SequenceStyle.Flow || q.Children.Count == 0:
                sb.Append(' ');
                WriteFlow(sb, q, indent + 2);
                EndLine(sb, q, comments);
                return;
            case YamlMappingNode m when m.Style == MappingStyle.Flow || m.Children.Count == 0:
                sb.Append(' ');
                WriteFlow(sb, m, indent + 2);
                EndLine(sb, m, comments);
                return;
            case YamlSequenceNode q:
                WriteComment(sb, afterKey);
                EmitBlockSequence(sb, q, indent + 2, comments);
                return;
            case YamlMappingNode m:
                WriteComment(sb, afterKey);
                EmitBlockMapping(sb, m, indent + 2, comments);
                return;
        }
    }

    private static void EmitBlockMapping(StringBuilder sb, YamlMappingNode m, int indent, Func<YamlNode, bool, NodeComment?>? comments)
    {
        foreach (var (k, v) in m.Children)
        {
            sb.Append(' ', indent);
            EmitPair(sb, k, v, indent, comments);
        }
    }

    private static void EmitBlockSequence(StringBuilder sb, YamlSequenceNode q, int dashIndent, Func<YamlNode, bool, NodeComment?>? comments)
    {
        foreach (var item in q.Children)
        {
            sb.Append(' ', dashIndent).Append("- ");
            switch (item)
            {
                case YamlMappingNode m when m.Style != MappingStyle.Flow && m.Children.Count > 0:
                    bool first = true;
                    foreach (var (k, v) in m.Children)
                    {
                        if (!first) sb.Append(' ', dashIndent + 2);
                        first = false;
                        EmitPair(sb, k, v, dashIndent + 2, comments);
                    }
                    break;
                case YamlSequenceNode s when s.Style != SequenceStyle.Flow && s.Children.Count > 0:
                    sb.Append('\n');
                    EmitBlockSequence(sb, s, dashIndent + 2, comments);
                    break;
                case YamlScalarNode s:
                    WriteScalar(sb, s, dashIndent + 2);
                    EndLine(sb, s, comments);
                    break;
                default:
                    WriteFlow(sb, item, dashIndent + 2, inSequence: true);
                    EndLine(sb, item, comments);
                    break;
            }
        }
    }

    private static int Column(StringBuilder sb)
    {
        for (int i = sb.Length - 1; i >= 0; i--)
            if (sb[i] == '\n') return sb.Length - i - 1;
        return sb.Length;
    }

    private static void Indent(StringBuilder sb, int indent) => sb.Append('\n').Append(' ', indent);

    /// <summary>
    /// A flow collection whose own indent is <paramref name="indent"/> (where it goes on after a comma, or after its opening bracket,
    /// once past column 80). As in ruamel's emitter, each node nested in it raises the indent by 4 inside a sequence and by 2 inside
    /// a mapping (<c>best_sequence_indent</c> / <c>best_map_indent</c>), so a folded scalar or a nested collection goes on further in;
    /// <paramref name="inSequence"/> tells whether the collection itself sits in a sequence (block or flow), which fixes the indent
    /// it was raised from (ruamel's <c>seq_flow_align</c> pads a collection opening in a flow sequence from there).
    /// A mapping of one entry directly inside a flow sequence loses its braces (<c>[a, k: v]</c>), as ruamel writes it.
    /// </summary>
    private static void WriteFlow(StringBuilder sb, YamlNode node, int indent, bool inSequence = false, bool inFlowSequence = false)
    {
        switch (node)
        {
            case YamlSequenceNode q:
                sb.Append('[');
                int raisedFrom = indent - (inSequence ? 4 : 2);
                for (int i = 0; i < q.Children.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    if (Column(sb) > BestWidth) Indent(sb, indent);
                    else if (i > 0) sb.Append(' ');
                    var item = q.Children[i];
                    if (item is YamlScalarNode s) WriteScalar(sb, InFlow(s), indent + 4);
                    else
                    {
                        // ruamel's seq_flow_align: a collection opening inside a flow sequence is padded to the sequence's parent
                        // indent + 4, less one for a dash (only visible right after a line break).
                        sb.Append(' ', Math.Max(0, raisedFrom + 4 - Column(sb) - 1));
                        WriteFlow(sb, item, indent + 4, inSequence: true, inFlowSequence: true);
                    }
                }
                sb.Append(']');
                break;
            case YamlMappingNode m:
                bool braces = !(inFlowSequence && m.Children.Count == 1);
                if (braces) sb.Append('{');
                int n = 0;
                foreach (var (k, v) in m.Children)
                {
                    if (n++ > 0) sb.Append(',');
                    if (Column(sb) > BestWidth) Indent(sb, indent);
                    else if (n > 1) sb.Append(' ');
                    sb.Append(Scalar(k is YamlScalarNode ks ? InFlow(ks) : k)).Append(": ");
                    if (v is YamlScalarNode s) WriteScalar(sb, InFlow(s), indent + 2);
                    else WriteFlow(sb, v, indent + 2);
                }
                if (braces) sb.Append('}');
                break;
            case YamlScalarNode s:
                WriteScalar(sb, s, indent);
                break;
        }
    }

    /// <summary>
    /// A plain scalar inside a flow collection that holds a flow indicator (<c>, [ ] { }</c>, as in <c>${ENV}</c>) cannot stay
    /// plain there: ruamel single-quotes it. Other scalars are unchanged.
    /// </summary>
    private static YamlScalarNode InFlow(YamlScalarNode s) =>
        s.Style is ScalarStyle.Plain or ScalarStyle.Any && !IsNull(s) && s.Value!.AsSpan().IndexOfAny(",[]{}") >= 0
            ? new YamlScalarNode(s.Value) { Style = ScalarStyle.SingleQuoted, Tag = s.Tag }
            : s;

    /// <summary>A scalar as <see cref="Scalar"/> writes it, folded as ruamel folds it past column 80 (continuation at <paramref name="indent"/>).</summary>
    private static void WriteScalar(StringBuilder sb, YamlScalarNode s, int indent)
    {
        string v = s.Value ?? "";
        switch (s.Style)
        {
            case ScalarStyle.SingleQuoted:
                sb.Append(Tag(s));
                WriteSingleQuoted(sb, v, indent);
                return;
            case ScalarStyle.DoubleQuoted:
                sb.Append(Tag(s));
                WriteDoubleQuoted(sb, v, indent);
                return;
            default:
                string text = Scalar(s);
                // A plain scalar breaks at a single space once the line is past the width; runs of spaces never break.
                int i = 0;
                while (i < text.Length)
                {
                    int j = i;
                    if (text[i] == ' ')
                    {
                        while (j < text.Length && text[j] == ' ') j++;
                        if (j - i == 1 && j < text.Length && Column(sb) > BestWidth) Indent(sb, indent);
                        else sb.Append(text, i, j - i);
                    }
                    else
                    {
                        while (j < text.Length && text[j] != ' ') j++;
                        sb.Append(text, i, j - i);
                    }
                    i = j;
                }
                return;
        }
    }

    private static void WriteSingleQuoted(StringBuilder sb, string text, int indent)
    {
        sb.Append('\'');
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool single = c == ' ' && (i == 0 || text[i - 1] != ' ') && (i + 1 >= text.Length || text[i + 1] != ' ');
            // Not at the very start or end of the value.
            if (single && i != 0 && i != text.Length - 1 && Column(sb) > BestWidth) Indent(sb, indent);
            else if (c == '\'') sb.Append("''");
            else sb.Append(c);
        }
        sb.Append('\'');
    }

    private static void WriteDoubleQuoted(StringBuilder sb, string text, int indent)
    {
        sb.Append('"');
        int start = 0;
        for (int end = 0; end <= text.Length; end++)
        {
            char? ch = end < text.Length ? text[end] : null;
            if (ch is null or '"' or '\\' or '\n' or '\t')
            {
                if (start < end)
                {
                    sb.Append(text, start, end - start);
                    start = end;
                }
                if (ch is { } e)
                {
                    sb.Append(e switch { '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", _ => "\\t" });
                    start = end + 1;
                }
            }
            // ruamel breaks before a space (or right after an escape) when the line would pass the width, ending it with "\".
            if (end > 0 && end < text.Length - 1 && (ch == ' ' || start >= end) && Column(sb) + (end - start) > BestWidth)
            {
                sb.Append(text, start, end - start).Append('\\');
                if (start < end) start = end;
                Indent(sb, indent);
                if (text[start] == ' ') sb.Append('\\');
            }
        }
        sb.Append('"');
    }

    private static string Flow(YamlNode node) => node switch
    {
        YamlSequenceNode q => "[" + string.Join(", ", q.Children.Select(Flow)) + "]",
        YamlMappingNode m => "{" + string.Join(", ", m.Children.Select(p => Scalar(p.Key) + ": " + Flow(p.Value))) + "}",
        YamlScalarNode s => Scalar(s),
        _ => "",
    };

    /// <summary>A scalar as ruamel re-emits it: quotes preserved, booleans lowercased.</summary>
    public static string Scalar(YamlNode node)
    {
        if (node is not YamlScalarNode s) return Flow(node);
        string v = s.Value ?? "";
        switch (s.Style)
        {
            case ScalarStyle.SingleQuoted:
                return Tag(s) + "'" + v.Replace("'", "''") + "'";
            case ScalarStyle.DoubleQuoted:
                return Tag(s) + "\"" + v.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";
            default:
                if (IsNull(s)) return Tag(s).TrimEnd();
                if (IsBool(v)) return Tag(s) + v.ToLowerInvariant();
                return Tag(s) + v;
        }
    }

    /// <summary>
    /// A local tag as ruamel re-emits it, with the space after it (<c>fail: != 5</c> is the tag <c>!=</c> on 5, and stays so in
    /// Soda's definition); "" without one. YAML's own tags (<c>!!str</c>, <c>!!int</c>) are resolved on loading and not written back.
    /// </summary>
    private static string Tag(YamlScalarNode s) =>
        s.Tag.IsEmpty || s.Tag.IsNonSpecific || s.Tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "" : s.Tag.Value + " ";

    public static string Text(YamlNode node) => node is YamlScalarNode s ? s.Value ?? "" : Flow(node);

    public static bool IsNull(YamlScalarNode s) =>
        s.Style is ScalarStyle.Plain or ScalarStyle.Any && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    public static bool IsBool(string v) => v is "true" or "True" or "TRUE" or "false" or "False" or "FALSE";
}
