namespace Sodalite.Qalita;

/// <summary>What <c>sodalite push --retry-outbox</c> did with the outbox (<see cref="PushService.RetryAsync"/>).</summary>
/// <param name="Sent">Entries that landed (or were already there) and were removed.</param>
/// <param name="Left">Entries still waiting in the outbox: their server could not be reached, or refused the token.</param>
/// <param name="Errors">One line per entry that did not land: its file name and why.</param>
/// <param name="Unreachable">Whether some server could not be reached (its entries wait for the next retry).</param>
/// <param name="Quarantined">Paths, in the quarantine folder, of files that were not whole entries (truncated, corrupt).</param>
/// <param name="DeadLettered">Paths, in the dead-letter folder, of entries the server refused for good (each with its .answer.txt).</param>
public sealed record OutboxReport(int Sent, int Left, IReadOnlyList<string> Errors, bool Unreachable, IReadOnlyList<string> Quarantined,
    IReadOnlyList<string> DeadLettered);
