namespace Sodalite.Qalita;

/// <summary>The server stayed unreachable: the payload waits in the outbox.</summary>
public sealed class QueuedException(string message, IReadOnlyList<string> queued) : Exception(message)
{
    /// <summary>The outbox entries (file names) that hold the payload until it is sent.</summary>
    public IReadOnlyList<string> Queued { get; } = queued;
}
