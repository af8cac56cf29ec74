// A 'for each dataset ALIAS:' section: its checks are instantiated for each table the catalog matches.
using Sodalite.SodaCL.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Sodalite.SodaCL.Model;

/// <summary>Tables matching any include pattern and no exclude pattern (SQL LIKE patterns) get the checks.</summary>
public sealed record ForEachSection(string Alias, IReadOnlyList<string> Includes, IReadOnlyList<string> Excludes,
    YamlSequenceNode Checks, YamlNode KeyNode, string FilePath, SourceLocation Location);
