namespace Sodalite.SodaCL.Variables;

/// <summary>
/// A template that cannot be rendered, where real Jinja2 (and so Soda) would raise an error too, or that
/// uses Jinja that Sodalite does not implement. The message names the failing <c>${ ... }</c> or
/// <c>{% ... %}</c>, its line and column, Jinja's reason and what to do about it.
/// </summary>
public sealed class JinjaException : Exception
{
    /// <summary>Creates the exception; <paramref name="line"/> and <paramref name="column"/> are 1-based.</summary>
    public JinjaException(JinjaErrorKind kind, string reason, string construct, int line, int column, string advice)
        : base(Compose(reason, construct, line, column, advice))
    {
        Kind = kind;
        Reason = reason;
        Construct = construct;
        Line = line;
        Column = column;
        Advice = advice;
    }

    /// <summary>What kind of problem it is.</summary>
    public JinjaErrorKind Kind { get; }

    /// <summary>Jinja's (or Python's) reason, e.g. <c>'x' is undefined</c>.</summary>
    public string Reason { get; }

    /// <summary>The source text of the failing tag, e.g. <c>${ x + 1 }</c> (shortened when long).</summary>
    public string Construct { get; }

    /// <summary>The 1-based line of the template where the failing tag starts.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the template where the failing tag starts.</summary>
    public int Column { get; }

    /// <summary>What the author of the template can do about it.</summary>
    public string Advice { get; }

    private static string Compose(string reason, string construct, int line, int column, string advice) =>
        $"Jinja error in {construct} at line {line}, column {column}: {reason.TrimEnd('.')}. {advice}";
}
