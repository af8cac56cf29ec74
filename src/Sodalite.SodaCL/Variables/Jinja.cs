// The subset of Jinja that SodaCL files use: ${ NAME } and ${ env_var('NAME', 'default') }.
// Lookup order is Soda's: OS environment first, then scan variables.
using System.Text.RegularExpressions;

namespace Sodalite.SodaCL.Variables;

public sealed partial class Jinja(IReadOnlyDictionary<string, string> variables, Func<string, string?> environment)
{
    public static Jinja FromProcess(IReadOnlyDictionary<string, string> variables) => new(variables, Environment.GetEnvironmentVariable);

    public IReadOnlyDictionary<string, string> Variables => variables;

    /// <summary>The same variables plus <paramref name="name"/> = <paramref name="value"/>, which wins over the environment.</summary>
    public Jinja With(string name, string value) =>
        new(new Dictionary<string, string>(variables) { [name] = value }, n => n == name ? null : environment(n));

    /// <summary>The same variables plus <paramref name="name"/> = <paramref name="value"/> as a scan variable (the environment still wins).</summary>
    public Jinja WithVariable(string name, string value) =>
        new(new Dictionary<string, string>(variables) { [name] = value }, environment);

    /// <summary>The value of a variable, or null when neither the environment nor the scan defines it.</summary>
    public string? Lookup(string name) => environment(name) ?? (variables.TryGetValue(name, out var v) ? v : null);

    /// <summary>Renders every ${...} of the text; an undefined name renders empty, as Jinja does.</summary>
    public string Resolve(string text)
    {
        if (!text.Contains("${")) return text;
        return Expression().Replace(text, m =>
        {
            string expr = m.Groups[1].Value.Trim();
            var env = EnvVar().Match(expr);
            if (env.Success)
                return environment(env.Groups[1].Value) ?? (env.Groups[3].Success ? env.Groups[3].Value : "");
            return Lookup(expr) ?? "";
        });
    }

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"^env_var\(\s*['""]([^'""]+)['""]\s*(,\s*['""]([^'""]*)['""]\s*)?\)$")]
    private static partial Regex EnvVar();
}
