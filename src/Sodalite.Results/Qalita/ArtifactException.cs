namespace Sodalite.Results.Qalita;

/// <summary>The artifacts cannot be built from the given results; the message says what to pass.</summary>
public sealed class ArtifactException(string message) : Exception(message);
