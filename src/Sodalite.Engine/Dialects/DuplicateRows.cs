namespace Sodalite.Engine.Dialects;

/// <summary>What a duplicate statement selects: the count of duplicated key tuples, or the rows of duplicated or unique keys.</summary>
public enum DuplicateRows
{
    /// <summary>The count of key tuples that occur more than once.</summary>
    None,
    /// <summary>The rows whose key tuple occurs more than once (failing rows).</summary>
    Duplicated,
    /// <summary>The rows whose key tuple occurs once (passing rows).</summary>
    Unique,
}
