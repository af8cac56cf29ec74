namespace Sodalite.Results.Soda;

/// <summary>
/// A results document the reader cannot take, with the JSON path of the field at fault (<c>$</c>, <c>$.checks</c>,
/// <c>checks[2].identity</c>) and a message that names it.
/// </summary>
public sealed class SodaJsonException(string field, string message) : FormatException(message)
{
    /// <summary>The JSON path of the field at fault.</summary>
    public string Field { get; } = field;
}
