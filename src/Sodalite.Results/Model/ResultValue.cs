// A value in Soda's results JSON, typed as Python's json module reads it: int, float, str, bool, list or dict
// (null is a null ResultValue). Python keeps ints and floats apart ("6" and "6.0" are different values), so do these.
namespace Sodalite.Results.Model;

/// <summary>
/// A JSON value of a results document: <see cref="IntegerValue"/>, <see cref="FloatValue"/>, <see cref="TextValue"/>,
/// <see cref="BooleanValue"/>, <see cref="ListValue"/> or <see cref="ObjectValue"/>; JSON null is a null reference.
/// Values compare by content.
/// </summary>
public abstract record ResultValue
{
    private protected ResultValue() { }

    /// <summary>A number's value as a double (an integer beyond ±2^53 is rounded); null for anything but a number.</summary>
    public double? AsDouble() => this switch
    {
        IntegerValue i => (double)i.Value,
        FloatValue f => f.Value,
        _ => null,
    };

    /// <summary>The text of a <see cref="TextValue"/>; null for anything else.</summary>
    public string? AsText() => (this as TextValue)?.Text;
}
