namespace Sodalite.Hub.Data;

/// <summary>A QALITA pack: what produced uploaded artifacts; its type is the quality dimension its score feeds.</summary>
public sealed class Pack
{
    /// <summary>Database id; QALITA's <c>pack_id</c>.</summary>
    public int Id { get; set; }
    /// <summary>The pack's name; unique (the hub ships one named soda).</summary>
    public required string Name { get; set; }
    /// <summary>The quality dimension its uploads score and its issues belong to; "validity" unless published otherwise.</summary>
    public string Type { get; set; } = "validity";
    /// <summary>Free text, as published.</summary>
    public string? Description { get; set; }
    /// <summary>QALITA's visibility (private, public, ...); the hub stores it and does not act on it.</summary>
    public string Visibility { get; set; } = "private";
    /// <summary>The pack's configuration as published (QALITA: pack_conf.json as a JSON string).</summary>
    public string? Config { get; set; }
    /// <summary>A link, as published.</summary>
    public string? Url { get; set; }
    /// <summary>The pack's readme as published (QALITA: README.md in base64).</summary>
    public string? Readme { get; set; }
    /// <summary>The pack's icon as published (QALITA: icon.png in base64).</summary>
    public string? Avatar { get; set; }
    /// <summary>The source types the pack runs on, as a JSON array of strings.</summary>
    public string CompatibleSourcesJson { get; set; } = "[]";
    /// <summary>When the pack was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The pack's versions.</summary>
    public List<PackVersion> Versions { get; set; } = [];
}
