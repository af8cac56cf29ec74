namespace Sodalite.Hub.Endpoints;

/// <summary>A dataset (a table or file) of a source, as GET /api/v2/datasets answers.</summary>
/// <param name="Id">The dataset's id.</param>
/// <param name="SourceId">The id of its source.</param>
/// <param name="Source">The name of its source.</param>
/// <param name="Name">The dataset's name (the table).</param>
public sealed record DatasetInfo(int Id, int SourceId, string Source, string Name);
