namespace Sodalite.Qalita;

/// <summary>A push that did not land; the message says what to do and is meant for the user as it is.</summary>
/// <param name="failure">Whether the server refused it or could not be reached.</param>
/// <param name="message">What went wrong and how to fix it.</param>
/// <param name="statusCode">The server's error status (5xx) when it answered but failed; null when it could not be reached or refused.</param>
public sealed class PushException(PushFailure failure, string message, int? statusCode = null) : Exception(message)
{
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
