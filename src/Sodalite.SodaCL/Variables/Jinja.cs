// Soda renders SodaCL strings and configuration files with Jinja2 (a SandboxedEnvironment whose print
// delimiters are ${ and }); this is Sodalite's implementation of the subset that SodaCL users write.
// Lookup order is Soda's: template locals, then the OS environment, then scan variables.
namespace Sodalite.SodaCL.Variables;

/// <summary>
/// Renders Jinja templates the way Soda Core 3.5.6 does: <c>${ expression }</c> prints,
/// <c>{% if %}</c>/<c>{% for %}</c>/<c>{% set %}</c>/<c>{% raw %}</c> are statements and <c>{# #}</c> comments.
/// Variables come from the OS environment first, then from the scan variables; <c>env_var(name, default)</c>
/// reads the environment only. An undefined variable prints as an empty string (Jinja's default), but using
/// it in an operation (<c>${ x + 1 }</c>) is an error, as in Jinja.
/// </summary>
/// <remarks>
/// Supported: literals (strings, numbers, true/false/none, lists, tuples, dicts); attribute, item and slice
/// access; + - * / // % ** with Python semantics; ~; comparisons, in, and/or/not; <c>a if b else c</c>; the
/// filters int, float, string, default/d, lower, upper, trim, replace, round, abs, length/count, join, first,
/// last, list, capitalize, title; the tests defined, undefined, none, number, string, integer, float, boolean,
/// true, false, mapping, sequence, iterable, even, odd, divisibleby, eq/ne/lt/le/gt/ge, in, lower, upper;
/// the str methods upper, lower, strip, lstrip, rstrip, replace, startswith, endswith, split, join, count,
/// find, capitalize, title; dict get/keys/values/items; list count/index; range(); dict(); loop.index and
/// friends. Other Jinja (macros, includes, call blocks, other filters, printing a function) is refused with
/// a <see cref="JinjaException"/> of kind <see cref="JinjaErrorKind.Unsupported"/>.
/// </remarks>
public sealed class Jinja(IReadOnlyDictionary<string, string> variables, Func<string, string?> environment)
{
    /// <summary>The same variables plus <paramref name="name"/> = <paramref name="value"/>, which wins over the environment.</summary>
    public Jinja With(string name, string value) =>
        new(new Dictionary<string, string>(variables) { [name] = value }, n => n == name ? null : environment(n));

    /// <summary>The same variables plus <paramref name="name"/> = <paramref name="value"/> as a scan variable (the environment still wins).</summary>
    public Jinja WithVariable(string name, string value) =>
        new(new Dictionary<string, string>(variables) { [name] = value }, environment);

    /// <summary>The value of a variable, or null when neither the environment nor the scan defines it.</summary>
    public string? Lookup(string name) => environment(name) ?? (variables.TryGetValue(name, out var v) ? v : null);

    /// <summary>
    /// Renders a template as Soda's Jinja does. Text without <c>${</c>, <c>{%</c> or <c>{#</c> comes back
    /// unchanged. Otherwise, as in Jinja2, \r\n and \r become \n and a single trailing newline is dropped.
    /// </summary>
    /// <exception cref="JinjaException">The template is not valid Jinja, uses an undefined value in an
    /// operation, fails a Python operation (type error, division by zero...), uses Jinja that Sodalite does
    /// not support, or exceeds a safety limit.</exception>
    public string Render(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!HasTemplateSyntax(template)) return template;
        string source = Normalize(template);
        var root = JinjaParser.Parse(source);
        return new JinjaRenderer(source, environment, variables).Render(root);
    }

    /// <summary>Renders like <see cref="Render"/>, reporting a failure instead of throwing it.</summary>
    /// <param name="template">The template.</param>
    /// <param name="result">The rendered text; empty when rendering failed.</param>
    /// <param name="error">Why rendering failed; null when it succeeded.</param>
    /// <returns>Whether rendering succeeded.</returns>
    public bool TryRender(string template, out string result, out JinjaException? error)
    {
        try
        {
            result = Render(template);
            error = null;
            return true;
        }
        catch (JinjaException e)
        {
            result = string.Empty;
            error = e;
            return false;
        }
    }

    /// <summary>
    /// Renders the text as Soda does wherever it resolves variables: only text that holds <c>${</c> is rendered (so a <c>{%</c>
    /// in SQL without a variable stays as it is), then as <see cref="Render"/>. An undefined name prints as an empty string.
    /// </summary>
    /// <exception cref="JinjaException">The text cannot be rendered; see <see cref="Render"/>.</exception>
    public string Resolve(string text) => text.Contains("${", StringComparison.Ordinal) ? Render(text) : text;

    /// <summary>Whether Jinja would treat anything in the text as template syntax.</summary>
    public static bool HasTemplateSyntax(string text)
    {
        for (int i = text.AsSpan().IndexOfAny('$', '{'); i >= 0 && i + 1 < text.Length; i = NextCandidate(text, i + 1))
        {
            char next = text[i + 1];
            if (text[i] == '$' ? next == '{' : next is '%' or '#') return true;
        }
        return false;
    }

    private static int NextCandidate(string text, int from)
    {
        int at = text.AsSpan(from).IndexOfAny('$', '{');
        return at < 0 ? -1 : from + at;
    }

    /// <summary>Jinja2's lexer reads \r\n and \r as \n and drops one trailing newline (keep_trailing_newline=False).</summary>
    private static string Normalize(string template)
    {
        string s = template.Contains('\r') ? template.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : template;
        return s.EndsWith('\n') ? s[..^1] : s;
    }
}
