namespace Sodalite.Results.Model;

/// <summary>A Python list; items may be null. Equal to another list with equal items in the same order.</summary>
public sealed record ListValue(IReadOnlyList<ResultValue?> Items) : ResultValue
{
    public bool Equals(ListValue? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Aggregate(Items.Count, (h, i) => HashCode.Combine(h, i));
}
