namespace Sodalite.Results.Model;

/// <summary>
/// One checks[] entry (spec/sodacl.md §4.3): a check that got an outcome. Written in Soda's key order:
/// group (group by checks only), identity, identities, migratedIdentities, name, type, definition, resourceAttributes,
/// location, dataSource, table, column, metrics, outcome, diagnostics, source, then archetype and outcomeReasons when set.
/// </summary>
public sealed record ScanCheck
{
    /// <summary>identity: the v3 check identity, 8 hex digits (spec/sodacl.md §5.1); empty when a document lacks it (a lenient read).</summary>
    public required string Identity { get; init; }

    /// <summary>identities: v1, v2, v3 and a custom v4; null when the document has none (Python's get_scan_results()).</summary>
    public CheckIdentityVersions? Identities { get; init; }

    /// <summary>migratedIdentities: null except with Soda's migrate_data_source_name; kept as read.</summary>
    public ResultValue? MigratedIdentities { get; init; }

    /// <summary>name: the custom name, else the check line (plus " warn ..."/" fail ..."); empty when a document lacks it.</summary>
    public required string Name { get; init; }

    /// <summary>type: "generic" ("anomalyDetection" for Soda's anomaly checks).</summary>
    public string Type { get; init; } = "generic";

    /// <summary>definition: the check as YAML under its header, e.g. <c>checks for t:\n  row_count > 0</c>; empty when absent.</summary>
    public string Definition { get; init; } = "";

    /// <summary>resourceAttributes: the check's attributes, in the order written.</summary>
    public IReadOnlyList<ResourceAttribute> ResourceAttributes { get; init; } = [];

    /// <summary>location: where the check is written; null when a document lacks it.</summary>
    public ResultLocation? Location { get; init; }

    /// <summary>dataSource: the data source the check ran on.</summary>
    public string? DataSource { get; init; }

    /// <summary>table: the dataset, without quotes or brackets; null for a data-source-level check.</summary>
    public string? Table { get; init; }

    /// <summary>column: the column the check is about; null for a table-level check.</summary>
    public string? Column { get; init; }

    /// <summary>metrics: the identities of the metrics the check judged (see <see cref="ScanResult.Metrics"/>).</summary>
    public IReadOnlyList<string> Metrics { get; init; } = [];

    /// <summary>outcome: pass, warn or fail; null when a document has none or another word (a lenient read).</summary>
    public Outcome? Outcome { get; init; }

    /// <summary>diagnostics: the value judged, the thresholds and what the check found; null when a document has none.</summary>
    public CheckDiagnostics? Diagnostics { get; init; }

    /// <summary>source: "soda-core"; null when the document has none (get_scan_results()).</summary>
    public string? Source { get; init; } = "soda-core";

    /// <summary>group: the group by check and group this check judged; null for other checks.</summary>
    public CheckGroup? Group { get; init; }

    /// <summary>archetype: set on Soda's automated monitoring checks only; kept as read.</summary>
    public ResultValue? Archetype { get; init; }

    /// <summary>outcomeReasons: why Soda gave no plain outcome, <c>[{"code", "message", "severity"}]</c>; kept as read.</summary>
    public IReadOnlyList<ResultValue?> OutcomeReasons { get; init; } = [];

    /// <summary>filter: the partition's name, which get_scan_results() states and a -srf file does not.</summary>
    public string? Filter { get; init; }
}
