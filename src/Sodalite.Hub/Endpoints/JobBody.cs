namespace Sodalite.Hub.Endpoints;

/// <summary>
/// The JSON body of POST /api/v2/jobs/create and PUT /api/v2/jobs/{id}, as a QALITA worker sends it (snake_case fields,
/// spec/qalita.md §2.5); a null field keeps the stored value. Ids are stored as sent, not checked.
/// </summary>
/// <param name="Name">The worker's name for the run.</param>
/// <param name="AgentId">The worker (agent) id.</param>
/// <param name="SourceId">The source id.</param>
/// <param name="SourceVersionId">The source version id.</param>
/// <param name="PackId">The pack id.</param>
/// <param name="PackVersionId">The pack version id.</param>
/// <param name="StartDate">"yyyy-MM-dd HH:mm:ss" (UTC), kept as text.</param>
/// <param name="EndDate">"yyyy-MM-dd HH:mm:ss" (UTC), kept as text.</param>
/// <param name="Status">running, succeeded, failed or pending (PUT answers 400 for any other).</param>
/// <param name="LogsId">QALITA's logs id.</param>
/// <param name="Type">QALITA's job type (e.g. routine).</param>
public sealed record JobBody(string? Name, int? AgentId, int? SourceId, int? SourceVersionId, int? PackId, int? PackVersionId, string? StartDate,
    string? EndDate, string? Status, int? LogsId, string? Type);
