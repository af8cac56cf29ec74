namespace Sodalite.Engine.DataSources;

/// <summary>The shape a configuration value must have.</summary>
public enum SettingKind
{
    /// <summary>Any scalar, kept as text.</summary>
    Text,

    /// <summary>A whole number of 0 or more.</summary>
    Count,

    /// <summary>true or false (also yes/no, on/off, as YAML 1.1 reads them).</summary>
    Bool,

    /// <summary>One of <see cref="SettingSpec.Accepted"/>.</summary>
    Choice,

    /// <summary>A mapping that Soda reads and Sodalite does not use: accepted with a warning.</summary>
    UnusedMapping,

    /// <summary>A scalar that Soda reads and Sodalite does not use: accepted with a warning.</summary>
    Unused,

    /// <summary>A mapping of table names to file paths (a DuckDB data source's <c>files:</c>), kept as one setting per table.</summary>
    FileMap,
}
