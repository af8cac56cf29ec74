// The whole sequence a QALITA worker runs after a pack (spec/qalita.md §2.5, §2.3): resolve the versions, open the job, upload
// the logs and the artifacts, close the job. It is data, with how far it got, so an outbox entry can carry it and a replay
// continues where the platform stopped answering.
namespace Sodalite.Qalita;

/// <summary>A job sequence and its progress.</summary>
/// <param name="SourceId">The QALITA source.</param>
/// <param name="PackId">The pack by id; null: by <paramref name="PackName"/>.</param>
/// <param name="PackName">The pack by name (soda when both are null).</param>
/// <param name="Job">Whether the uploads run inside a job (created running, always closed).</param>
/// <param name="AgentId">The worker's id (the worker file's context.remote.id), sent as the job's agent_id.</param>
/// <param name="RegistryId">The registry for the logs (the worker file's registries[0].id); null: the platform's first.</param>
/// <param name="UserId">The user sent with the logs; null: the token's sub.</param>
/// <param name="JobName">The job's name, also the logs asset's name.</param>
/// <param name="StartedAt">The job's start date.</param>
/// <param name="Files">The artifacts, in the REST worker's order.</param>
/// <param name="Log">logs.txt's bytes; null when there is no log.</param>
public sealed record QalitaJobRun(int SourceId, int? PackId, string? PackName, bool Job, int? AgentId, int? RegistryId, int? UserId,
    string JobName, DateTimeOffset StartedAt, IReadOnlyList<QalitaFile> Files, byte[]? Log)
{
    /// <summary>The four ids, once resolved.</summary>
    public QalitaIds? Ids { get; init; }

    /// <summary>The job's id, once created.</summary>
    public int? JobId { get; init; }

    /// <summary>Whether the logs were dealt with (uploaded, already there, no registry, or failed).</summary>
    public bool LogsDone { get; init; }

    /// <summary>The logs asset's id, the job's logs_id.</summary>
    public int? LogsId { get; init; }

    /// <summary>How many of <see cref="Files"/> were tried.</summary>
    public int Done { get; init; }

    /// <summary>Artifacts stored.</summary>
    public int Uploaded { get; init; }

    /// <summary>Artifacts the platform already had (409).</summary>
    public int AlreadyThere { get; init; }

    /// <summary>The uploads that failed (the platform refused or broke): the job closes failed.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>Whether the job was closed (or there is none to close).</summary>
    public bool Closed { get; init; }
}
