// Re-emits YAML nodes the way ruamel.yaml's round-trip dumper does with
// indent(mapping=2, sequence=4, offset=2): Soda builds check definitions and identities from it.
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Sodalite.SodaCL.Yaml;

public static class RuamelEmitter
{
    /// <summary>The definition of a check with configuration: <c>{header: [{line: cfg}]}</c> dumped.</summary>
    public static string Definition(string header, YamlNode lineKey, YamlNode? config)
    {
        var sb = new StringBuilder();
        sb.Append(header).Append(":\n");
        sb.Append("  - ");
        EmitPair(sb, lineKey, config, 4);
        return sb.ToString();
    }

    /// <summary>Soda's identity part: the remaining config keys sorted, dumped as <c>!!omap</c>.</summary>
    public static string Omap(IEnumerable<KeyValuePair<YamlNode, YamlNode>> pairs)
    {
        var sb = new StringBuilder("!!omap\n");
        foreach (var (k, v) in pairs.OrderBy(p => Text(p.Key), StringComparer.Ordinal))
        {
            sb.Append("  - ");
            EmitPair(sb, k, v, 4);
        }
        return sb.ToString();
    }

    private static void EmitPair(StringBuilder sb, YamlNode key, YamlNode? value, int indent)
    {
        sb.Append(Scalar(key)).Append(':');
        EmitValue(sb, value, indent);
    }

    private static void EmitValue(StringBuilder sb, YamlNode? value, int indent)
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
                foreach (var line in v.TrimEnd('\n').Split('\n'))
                    sb.Append(line.Length == 0 ? "" : new string(' ', indent + 2) + line).Append('\n');
                return;
            case YamlScalarNode s:
                sb.Append(' ').Append(Scalar(s)).Append('\n');
                return;
            case YamlSequenceNode q when q.Style == SequenceStyle.Flow || q.Children.Count == 0:
                sb.Append(' ').Append(Flow(q)).Append('\n');
                return;
            case YamlMappingNode m when m.Style == MappingStyle.Flow || m.Children.Count == 0:
                sb.Append(' ').Append(Flow(m)).Append('\n');
                return;
            case YamlSequenceNode q:
                sb.Append('\n');
                EmitBlockSequence(sb, q, indent + 2);
                return;
            case YamlMappingNode m:
                sb.Append('\n');
                EmitBlockMapping(sb, m, indent + 2);
                return;
        }
    }

    private static void EmitBlockMapping(StringBuilder sb, YamlMappingNode m, int indent)
    {
        foreach (var (k, v) in m.Children)
        {
            sb.Append(' ', indent);
            EmitPair(sb, k, v, indent);
        }
    }

    private static void EmitBlockSequence(StringBuilder sb, YamlSequenceNode q, int dashIndent)
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
                        EmitPair(sb, k, v, dashIndent + 2);
                    }
                    break;
                case YamlSequenceNode s when s.Style != SequenceStyle.Flow && s.Children.Count > 0:
                    sb.Append('\n');
                    EmitBlockSequence(sb, s, dashIndent + 2);
                    break;
                case YamlScalarNode s:
                    sb.Append(Scalar(s)).Append('\n');
                    break;
                default:
                    sb.Append(item is YamlSequenceNode fs ? Flow(fs) : Flow((YamlMappingNode)item)).Append('\n');
                    break;
            }
        }
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
                return "'" + v.Replace("'", "''") + "'";
            case ScalarStyle.DoubleQuoted:
                return "\"" + v.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";
            default:
                if (IsNull(s)) return "";
                if (IsBool(v)) return v.ToLowerInvariant();
                return v;
        }
    }

    public static string Text(YamlNode node) => node is YamlScalarNode s ? s.Value ?? "" : Flow(node);

    public static bool IsNull(YamlScalarNode s) =>
        s.Style is ScalarStyle.Plain or ScalarStyle.Any && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    public static bool IsBool(string v) => v is "true" or "True" or "TRUE" or "false" or "False" or "FALSE";
}
