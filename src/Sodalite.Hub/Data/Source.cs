namespace Sodalite.Hub.Data;

/// <summary>
/// A data source: named in a scan push (<c>?source=</c>) or published as a QALITA source
/// (POST /api/v1/sources/publish); its <see cref="Dataset"/>s hold the checks.
/// </summary>
public sealed class Source
{
    /// <summary>Database id; QALITA's <c>source_id</c>.</summary>
    public int Id { get; set; }
    /// <summary>The source's name; unique.</summary>
    public required string Name { get; set; }
    /// <summary>When the hub first saw the source (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
    // QALITA's source fields (sources published with POST /api/v1/sources/publish).
    /// <summary>QALITA's source type (database, file, ...); "database" unless published otherwise.</summary>
    public string Type { get; set; } = "database";
    /// <summary>Free text, as published.</summary>
    public string? Description { get; set; }
    /// <summary>QALITA's reference flag, as published.</summary>
    public bool Reference { get; set; }
    /// <summary>QALITA's sensitive flag, as published.</summary>
    public bool Sensitive { get; set; }
    /// <summary>QALITA's visibility (private, public, ...); the hub stores it and does not act on it.</summary>
    public string Visibility { get; set; } = "private";
    /// <summary>The source's versions; a source first seen in a scan gets 1.0.0.</summary>
    public List<SourceVersion> Versions { get; set; } = [];
}
