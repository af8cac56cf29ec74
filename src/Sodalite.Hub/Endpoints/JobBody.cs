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
/// <param name="Status">pending (for a worker to claim), running, succeeded or failed (400 for any other).</param>
/// <param name="LogsId">QALITA's logs id.</param>
/// <param name="Type">QALITA's job type (e.g. routine).</param>
/// <param name="TargetId">The target source of a comparison pack.</param>
/// <param name="TargetVersionId">The target source's version.</param>
/// <param name="RoutineId">The routine (schedule) that made the job.</param>
/// <param name="PackConfigOverride">A pack configuration replacing the pack's own for this job (pack_conf.json as a JSON string).</param>
public sealed record JobBody(string? Name, int? AgentId, int? SourceId, int? SourceVersionId, int? PackId, int? PackVersionId, string? StartDate,
    string? EndDate, string? Status, int? LogsId, string? Type, int? TargetId = null, int? TargetVersionId = null, int? RoutineId = null,
    string? PackConfigOverride = null);
