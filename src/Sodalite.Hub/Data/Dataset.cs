namespace Sodalite.Hub.Data;

/// <summary>A table of a <see cref="Data.Source"/>: the checks on it, their issues and its scores.</summary>
public sealed class Dataset
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The <see cref="Data.Source"/> it belongs to.</summary>
    public int SourceId { get; set; }
    /// <summary>The source, when loaded.</summary>
    public Source? Source { get; set; }
    /// <summary>The checks' table; for data-source-level checks the data source's name. Unique within the source.</summary>
    public required string Name { get; set; }
}
