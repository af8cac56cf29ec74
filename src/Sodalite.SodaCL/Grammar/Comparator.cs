namespace Sodalite.SodaCL.Grammar;

/// <summary>A threshold's comparator: <c>&lt;</c>, <c>&lt;=</c>, <c>=</c>, <c>&gt;=</c>, <c>&gt;</c>, and <c>!=</c> or <c>&lt;&gt;</c> (Ne).</summary>
public enum Comparator
{
    /// <summary><c>&lt;</c></summary>
    Lt,
    /// <summary><c>&lt;=</c></summary>
    Lte,
    /// <summary><c>=</c></summary>
    Eq,
    /// <summary><c>&gt;=</c></summary>
    Gte,
    /// <summary><c>&gt;</c></summary>
    Gt,
    /// <summary><c>!=</c> or <c>&lt;&gt;</c></summary>
    Ne,
}
