namespace Sodalite.Hub.Ingestion;

/// <summary>
/// A value the hub would store but no store can keep the same way (a name with a NUL or an unpaired surrogate, a name longer than an
/// index holds, a number that is not finite): answered as a 400 naming <see cref="Field"/>, before anything is written.
/// </summary>
/// <param name="field">The request field the value came from (snake_case, as the API names it).</param>
/// <param name="message">What is wrong, for the answer's detail.</param>
public sealed class StoredValueException(string field, string message) : Exception(message)
{
    /// <summary>The request field the value came from.</summary>
    public string Field { get; } = field;
}
