// Everything the checks files of one scan declare, in the order Soda processes it.
namespace Sodalite.SodaCL.Model;

public sealed class SodaClDocument
{
    public List<CheckDefinition> Checks { get; } = [];
    /// <summary>(table, partition) → where clause.</summary>
    public Dictionary<(string Table, string Partition), string> Filters { get; } = [];
    /// <summary>table → column → configuration.</summary>
    public Dictionary<string, Dictionary<string, MissingValidConfig>> ColumnConfigs { get; } = new(StringComparer.Ordinal);
    /// <summary>Variables from `variables:` sections.</summary>
    public Dictionary<string, string> Variables { get; } = [];
    /// <summary>'for each dataset' sections, instantiated once the catalog is known.</summary>
    public List<ForEachSection> ForEach { get; } = [];

    /// <summary>(table, partition) in first-mention order; a filter section counts as a mention.</summary>
    public List<(string Table, string? Partition)> Mentions { get; } = [];

    public void Mention(string table, string? partition)
    {
        if (!Mentions.Contains((table, partition))) Mentions.Add((table, partition));
    }
}
