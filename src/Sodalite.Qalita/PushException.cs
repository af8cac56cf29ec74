namespace Sodalite.Qalita;

/// <summary>A push that did not land; the message says what to do and is meant for the user as it is.</summary>
/// <param name="failure">Whether the server refused it or could not be reached.</param>
/// <param name="message">What went wrong and how to fix it.</param>
/// <param name="statusCode">The server's error status (5xx) when it answered but failed; null when it could not be reached or refused.</param>
/// <param name="refusedWith">The 4xx status of a refusal, when the server answered one (null for a refusal found without one, such as an unknown id).</param>
public sealed class PushException(PushFailure failure, string message, int? statusCode = null, int? refusedWith = null) : Exception(message)
{
    /// <summary>The 4xx status the server refused with (401 and 403: the token; 404, 400, 422: what was sent); null otherwise.</summary>
    public int? RefusedWith { get; } = refusedWith;

    /// <summary>
    /// Whether sending the same thing again can never work: a refusal other than the token's (401, 403), a pause (408, 429) or a
    /// conflict with a concurrent request (409: sent again, it is answered as stored). A retry of the outbox moves such an entry to its
    /// dead-letter folder instead of sending it forever.
    /// </summary>
    public bool Permanent => Failure == PushFailure.Rejected && RefusedWith is not (401 or 403 or 408 or 409 or 429);

    /// <summary>The 5xx status the server kept answering; null when it was not reached at all (or for a refusal).</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>True when no connection could be made (nor an answer read): the server is down or the network is.</summary>
    public bool NotReached => Failure == PushFailure.Unreachable && StatusCode is null;

    /// <summary>
    /// Whether the server refused it (<see cref="PushFailure.Rejected"/>) or could not be reached (<see
    /// cref="PushFailure.Unreachable"/>).
    /// </summary>
    public PushFailure Failure { get; } = failure;
}
