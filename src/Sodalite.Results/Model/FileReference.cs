namespace Sodalite.Results.Model;

/// <summary>
/// Where a sample is stored <c>{"type", "message", "link": {"href", "text"}, "fileId"}</c>: without Soda Cloud,
/// type "noFile" and the message "Samples are not sent to Soda Cloud".
/// </summary>
public sealed record FileReference(string? Type, string? Message, string? LinkHref, string? LinkText, string? FileId)
{
    /// <summary>The reference of a sample kept nowhere (Soda Core without Soda Cloud).</summary>
    public static readonly FileReference NoFile = new("noFile", "Samples are not sent to Soda Cloud", null, null, "");
}
