using YamlDotNet.RepresentationModel;

namespace Sodalite.SodaCL.Parsing;

/// <summary>One key of a check's configuration mapping: its text, its key node and its value node (both with their marks).</summary>
/// <param name="Key">The key as text ("fail", "valid format").</param>
/// <param name="KeyNode">The key's node, for its location.</param>
/// <param name="Value">The value's node: a scalar (null when nothing follows the colon), a list or a mapping.</param>
public sealed record CheckConfigEntry(string Key, YamlNode KeyNode, YamlNode Value)
{
    /// <summary>The value as text when it is a scalar that is not null; null otherwise.</summary>
    public string? Text => Value is YamlScalarNode s && !Yaml.RuamelEmitter.IsNull(s) ? s.Value : null;
}
