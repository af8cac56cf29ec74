namespace Sodalite.Results.Model;

/// <summary>
/// A Python dict: its members in insertion order, which is the order json.dump writes them. Equal to another dict with
/// equal members in the same order.
/// </summary>
public sealed record ObjectValue(IReadOnlyList<KeyValuePair<string, ResultValue?>> Members) : ResultValue
{
    /// <summary>The value of the member named <paramref name="name"/>; null when it is absent or null.</summary>
    public ResultValue? this[string name] => Members.FirstOrDefault(m => m.Key == name).Value;

    public bool Equals(ObjectValue? other) => other is not null && Members.SequenceEqual(other.Members);

    public override int GetHashCode() => Members.Aggregate(Members.Count, (h, m) => HashCode.Combine(h, m.Key, m.Value));
}
