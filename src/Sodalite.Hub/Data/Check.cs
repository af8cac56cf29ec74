namespace Sodalite.Hub.Data;

/// <summary>A check on a <see cref="Data.Dataset"/>, known by its Soda check identity; each scan adds a <see cref="CheckResult"/>.</summary>
public sealed class Check
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The <see cref="Data.Dataset"/> it checks.</summary>
    public int DatasetId { get; set; }
    /// <summary>The dataset, when loaded.</summary>
    public Dataset? Dataset { get; set; }
    /// <summary>The Soda check identity (v3), stable across scans of the same check; unique within the dataset.</summary>
    public required string Identity { get; set; }
    /// <summary>The check's name as the latest stored scan gave it.</summary>
    public required string Name { get; set; }
    /// <summary>The check's SodaCL definition as the latest stored scan gave it (a recommendation's content for QALITA uploads).</summary>
    public required string Definition { get; set; }
    /// <summary>The column checked, for column checks.</summary>
    public string? Column { get; set; }
    /// <summary>The metric the check judges (row_count, missing_count, schema, freshness, ...).</summary>
    public string? Metric { get; set; }
    /// <summary>completeness, uniqueness, validity, timeliness, consistency or accuracy.</summary>
    public required string Dimension { get; set; }
    /// <summary>Where the latest stored scan said the check is written, "file:line:col"; null when it did not say.</summary>
    public string? Location { get; set; }
}
