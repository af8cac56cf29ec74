namespace Sodalite.Qalita;

/// <summary>What `qalita worker login` left in the worker file (spec/qalita.md §2.8); nulls for what it does not say.</summary>
/// <param name="Token">context.local.token.</param>
/// <param name="Url">context.local.url, the platform's URL.</param>
/// <param name="Path">The file read; null when there was none.</param>
/// <param name="AgentId">context.remote.id: the worker's id, sent as a job's agent_id.</param>
/// <param name="RegistryId">registries[0].id: where the job's logs are stored.</param>
/// <param name="UserId">user.id: sent with the logs upload.</param>
public sealed record QalitaWorker(string? Token, string? Url, string? Path, int? AgentId, int? RegistryId, int? UserId);
