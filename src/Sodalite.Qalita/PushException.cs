namespace Sodalite.Qalita;

/// <summary>A push that did not land; the message says what to do and is meant for the user as it is.</summary>
/// <param name="failure">Whether the server refused it or could not be reached.</param>
/// <param name="message">What went wrong and how to fix it.</param>
public sealed class PushException(PushFailure failure, string message) : Exception(message)
{
    /// <summary>
    /// Whether the server refused it (<see cref="PushFailure.Rejected"/>) or could not be reached (<see
    /// cref="PushFailure.Unreachable"/>).
    /// </summary>
    public PushFailure Failure { get; } = failure;
}
