namespace Sodalite.Qalita;

/// <summary>The four ids a QALITA upload is sent with (spec/qalita.md §2.3).</summary>
/// <param name="SourceId">The source's id.</param>
/// <param name="SourceVersionId">The id of one of its versions.</param>
/// <param name="PackId">The pack's id.</param>
/// <param name="PackVersionId">The id of one of its versions.</param>
public sealed record QalitaIds(int SourceId, int SourceVersionId, int PackId, int PackVersionId)
{
    /// <summary>The ids as a query string without '?': <c>source_id=1&amp;source_version_id=2&amp;pack_id=3&amp;pack_version_id=4</c>.</summary>
    public string Query => $"source_id={SourceId}&source_version_id={SourceVersionId}&pack_id={PackId}&pack_version_id={PackVersionId}";
}
