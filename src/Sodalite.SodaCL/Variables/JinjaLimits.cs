// Safety limits that keep hostile or runaway templates from exhausting the stack, memory or time.
namespace Sodalite.SodaCL.Variables;

internal static class JinjaLimits
{
    /// <summary>Maximum characters of rendered output (and of any string value).</summary>
    public const int MaxOutputChars = 10_000_000;

    /// <summary>Maximum characters that string operations may produce in one render, in total.</summary>
    public const long MaxWorkChars = 100_000_000;

    /// <summary>Maximum {% for %} iterations in one render, all loops together.</summary>
    public const int MaxLoopIterations = 100_000;

    /// <summary>Maximum items of a list value.</summary>
    public const int MaxItems = 1_000_000;

    /// <summary>Maximum size of an integer value.</summary>
    public const int MaxIntegerBits = 100_000;

    /// <summary>Maximum nesting of brackets, unary operators and tags while parsing.</summary>
    public const int MaxParseNesting = 100;

    /// <summary>Maximum depth of an expression tree (long operator chains build deep trees).</summary>
    public const int MaxExpressionDepth = 400;

    /// <summary>Maximum nesting of list/dict values when printing or comparing them.</summary>
    public const int MaxValueDepth = 400;

    /// <summary>Python's range() limit in Jinja's sandbox.</summary>
    public const int MaxRange = 100_000;
}
