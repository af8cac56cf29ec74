namespace Sodalite.Hub.Endpoints;

/// <summary>A check the hub has seen results of, as GET /api/v2/checks answers.</summary>
/// <param name="Id">The check's id.</param>
/// <param name="DatasetId">The id of the dataset it checks.</param>
/// <param name="Identity">Soda's check identity (or qalita-... for a QALITA recommendation).</param>
/// <param name="Name">The check's name.</param>
/// <param name="Definition">The check's SodaCL text.</param>
/// <param name="Column">The column it checks, if any.</param>
/// <param name="Metric">The metric it judges, if any.</param>
/// <param name="Dimension">The quality dimension its score counts in (completeness, validity, ...).</param>
public sealed record CheckInfo(int Id, int DatasetId, string Identity, string Name, string Definition, string? Column, string? Metric, string Dimension);
