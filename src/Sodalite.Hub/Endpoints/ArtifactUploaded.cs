namespace Sodalite.Hub.Endpoints;

/// <summary>The answer of POST /api/v1/{metrics,recommendations,schemas}/upload.</summary>
/// <param name="Id">The upload's id.</param>
/// <param name="Rows">How many entries the file held (all stored).</param>
/// <param name="Scores">How many dataset scores a metrics file gave.</param>
/// <param name="IssuesOpened">How many issues the recommendations of level high opened.</param>
public sealed record ArtifactUploaded(int Id, int Rows, int Scores, int IssuesOpened);
