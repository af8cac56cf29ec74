namespace Sodalite.Hub.Endpoints;

/// <summary>The id of what a QALITA call created or updated (a source, a pack, a pack version, a job).</summary>
/// <param name="Id">The id.</param>
public sealed record CreatedId(int Id);
