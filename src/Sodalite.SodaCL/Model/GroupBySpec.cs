// A 'group by' check (spec/sodacl.md §2.12): a query giving one row per group, and checks run on each row.
using YamlDotNet.RepresentationModel;

namespace Sodalite.SodaCL.Model;

/// <param name="Query">The SQL, one row per group.</param>
/// <param name="Fields">The columns that name a group.</param>
/// <param name="GroupLimit">More groups than this is an error (Soda's default: 1000).</param>
/// <param name="Checks">The nested check items, instantiated for each group.</param>
public sealed record GroupBySpec(string Query, IReadOnlyList<string> Fields, int GroupLimit, IReadOnlyList<YamlNode> Checks)
{
    public const int DefaultGroupLimit = 1000;
}
