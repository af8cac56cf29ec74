// What a check type's syntax needs to read its configuration keys: the scan log, locations in the file being read, and the
// value rules Soda applies to every key (lists of names, values it cannot read, where it stops reading the file).
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Yaml;
using YamlDotNet.RepresentationModel;

namespace Sodalite.SodaCL.Parsing;

/// <summary>The parser's services to a <see cref="ICheckSyntax"/> while it reads one checks file.</summary>
public sealed class CheckConfigReader
{
    internal CheckConfigReader(ScanLogger log, string filePath)
    {
        Log = log;
        FilePath = filePath;
    }

    /// <summary>Advice for a check line with a colon and nothing (or a number) after it.</summary>
    public const string ColonAdvice = "Remove the colon, or indent a configuration mapping (such as 'name: ...') under the check.";

    /// <summary>The scan's log: errors a user can fix go here, with a location.</summary>
    public ScanLogger Log { get; }

    /// <summary>The checks file being read, as given.</summary>
    public string FilePath { get; }

    /// <summary>Where <paramref name="node"/> starts in the file (1-based line and column).</summary>
    public SourceLocation Location(YamlNode node) => new(FilePath, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>A node as text: a scalar's value, a list or mapping in flow style.</summary>
    public static string Text(YamlNode node) => RuamelEmitter.Text(node);

    /// <summary>Whether the node is YAML null (nothing, '~' or 'null').</summary>
    public static bool IsNull(YamlNode node) => node is YamlScalarNode s && RuamelEmitter.IsNull(s);

    /// <summary>The names of a YAML list; null (logged at the value) when the value is not a list.</summary>
    public List<string>? NameList(YamlNode node, string key)
    {
        if (node is YamlSequenceNode seq) return [.. seq.Children.Select(RuamelEmitter.Text)];
        Log.Error($"'{key}' must be a list of column names, e.g. [id, email].", Location(node));
        return null;
    }

    /// <summary>
    /// What makes a value unreadable to Soda where it iterates over it (nothing after the colon, a number, boolean or date), said
    /// as "nothing after its colon" or "the number 5 as its configuration"; null when it is a mapping, text or a list.
    /// </summary>
    public static string? Unreadable(YamlNode value) => SodaClParser.Unreadable(value);

    /// <summary>Soda's "Could not add SodaCL file" for the file being read, to throw where Soda stops reading it.</summary>
    public SodaClFileException FileStop(string reason, YamlNode at) => new(FilePath, reason, Location(at));
}
