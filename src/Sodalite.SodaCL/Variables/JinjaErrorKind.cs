namespace Sodalite.SodaCL.Variables;

/// <summary>What kind of problem stopped a Jinja template from rendering.</summary>
public enum JinjaErrorKind
{
    /// <summary>The template is not valid Jinja (Jinja2's TemplateSyntaxError), e.g. an unclosed <c>${</c> or a lone <c>{%</c>.</summary>
    Syntax,

    /// <summary>An undefined variable or attribute was used in an operation (Jinja2's UndefinedError), e.g. <c>${ x + 1 }</c>.</summary>
    Undefined,

    /// <summary>An operation on values of the wrong type (Python's TypeError), e.g. <c>${ 'a' + 1 }</c>.</summary>
    Type,

    /// <summary>An operation on a bad value (Python's ValueError, ZeroDivisionError, OverflowError), e.g. <c>${ 1 / 0 }</c>.</summary>
    Value,

    /// <summary>Valid Jinja that Sodalite does not implement (macros, includes, most filters), so it is refused rather than guessed.</summary>
    Unsupported,

    /// <summary>The template exceeded a safety limit (output size, loop iterations, nesting depth).</summary>
    Limit,
}
