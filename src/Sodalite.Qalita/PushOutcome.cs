namespace Sodalite.Qalita;

/// <summary>How a push ended: landed (with the hub's answer when pushing there), or kept in the outbox.</summary>
public sealed record PushOutcome(bool Landed, HubPushResult? Hub, int Uploaded, int AlreadyThere, IReadOnlyList<string> Queued);
