namespace Sodalite.Cli;

/// <summary>A read from the hub that failed; the message says what went wrong and what to do, for the user as it is.</summary>
/// <param name="message">What went wrong and how to fix it, without the "sodalite: " prefix.</param>
internal sealed class HubReadException(string message) : Exception(message);
