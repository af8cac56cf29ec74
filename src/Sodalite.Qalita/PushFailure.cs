namespace Sodalite.Qalita;

/// <summary>Why a push did not land: the server said no (fix the token or id), or it could not be reached (kept in the outbox).</summary>
public enum PushFailure
{
    /// <summary>The server answered with a refusal (4xx), or what was asked for does not exist there: retrying will not help.</summary>
    Rejected,
    /// <summary>No connection, a timeout, or 5xx after every retry: the push waits in the outbox.</summary>
    Unreachable,
}
