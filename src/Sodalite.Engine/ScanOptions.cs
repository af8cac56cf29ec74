namespace Sodalite.Engine;

/// <summary>What `sodalite scan` was asked to do (soda scan's flags, plus the --data shortcut).</summary>
public sealed record ScanOptions
{
    public string? DataSourceName { get; init; }
    public IReadOnlyList<string> ConfigurationFiles { get; init; } = [];
    public IReadOnlyList<string> CheckPaths { get; init; } = [];
    /// <summary>--data FILE: a CSV/Parquet/JSON/DuckDB file scanned without a configuration file.</summary>
    public string? DataFile { get; init; }
    /// <summary>
    /// --data FILE|FOLDER, repeated: CSV/Parquet/JSON files and folders of them scanned as one DuckDB data source without a
    /// configuration file, each file a table named after its stem (after <see cref="DataFile"/>, when both are given).
    /// </summary>
    public IReadOnlyList<string> DataPaths { get; init; } = [];
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
    public string DefinitionName { get; init; } = "Soda Core CLI";
    public DateTimeOffset? DataTimestamp { get; init; }
    public bool Verbose { get; init; }
    public bool DryRun { get; init; }

    /// <summary>
    /// Count each checked table's rows (one <c>COUNT(*)</c>) when no check measures its unfiltered row_count, for QALITA's
    /// rows_analyzed; the counts are in <see cref="Output.ScanRun.RowCounts"/>.
    /// </summary>
    public bool CountRows { get; init; }

    /// <summary>
    /// Read each checked table's columns from the catalog into <see cref="Output.ScanRun.TableColumns"/> (for QALITA's
    /// schemas.json). Off by default: no other output uses them, and a catalog query costs a small scan tens of milliseconds.
    /// </summary>
    public bool ReadTableColumns { get; init; }

    /// <summary>
    /// The metric history history-aware checks read and the scan appends its metrics to (after judging); null for none, as Soda
    /// Core without Soda Cloud. The scanner does not dispose it.
    /// </summary>
    public History.IMetricHistory? History { get; init; }

    /// <summary>Bounds on the YAML work of each checks and configuration file (size, nesting, alias expansion).</summary>
    public SodaCL.Yaml.YamlLimits YamlLimits { get; init; } = SodaCL.Yaml.YamlLimits.Default;
}
