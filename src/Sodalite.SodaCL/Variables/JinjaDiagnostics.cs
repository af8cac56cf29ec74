// Builds JinjaExceptions: the line and column of the failing tag, its text and advice for the author.
namespace Sodalite.SodaCL.Variables;

internal static class JinjaDiagnostics
{
    private const int MaxConstructLength = 80;

    /// <summary>An exception for the tag that starts at <paramref name="start"/> (and ends before
    /// <paramref name="end"/>, or where its delimiter closes when <paramref name="end"/> is -1).</summary>
    public static JinjaException Exception(string source, int start, int end, JinjaErrorKind kind, string reason, string? undefinedName = null)
    {
        start = Math.Clamp(start, 0, source.Length);
        int line = 1, lineStart = 0;
        for (int i = 0; i < start; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new JinjaException(kind, reason, Construct(source, start, end), line, start - lineStart + 1, Advice(kind, undefinedName));
    }

    public static JinjaException From(JinjaError error, string source, int start, int end) =>
        Exception(source, start, end, error.Kind, error.Message, error.UndefinedName);

    private static string Construct(string source, int start, int end)
    {
        if (start >= source.Length) return "the end of the template";
        if (end < 0)
        {
            string rest = source[start..];
            string close = rest.StartsWith("${", StringComparison.Ordinal) ? "}" : rest.StartsWith("{#", StringComparison.Ordinal) ? "#}" : "%}";
            int at = rest.IndexOf(close, 2, StringComparison.Ordinal);
            end = at < 0 ? source.Length : start + at + close.Length;
        }
        string text = source[start..Math.Min(end, source.Length)];
        int newline = text.IndexOf('\n');
        if (newline >= 0) text = text[..newline] + "...";
        if (text.Length > MaxConstructLength) text = text[..(MaxConstructLength - 3)] + "...";
        return text;
    }

    private static string Advice(JinjaErrorKind kind, string? undefinedName) => kind switch
    {
        JinjaErrorKind.Undefined when undefinedName is not null =>
            $"Define '{undefinedName}' as a scan variable or an environment variable, or give it a default: {undefinedName} | default('...').",
        JinjaErrorKind.Undefined => "Check the attribute, key or index, or give a default with | default('...').",
        JinjaErrorKind.Type =>
            "Scan and environment variables are strings: convert them with | int or | float before arithmetic, or join texts with ~.",
        JinjaErrorKind.Value => "Check the values used in the expression.",
        JinjaErrorKind.Syntax =>
            "Fix the template; to keep a literal ${, {% or {# in the text, wrap it in {% raw %}...{% endraw %}.",
        JinjaErrorKind.Unsupported =>
            "Sodalite implements a subset of Jinja: ${ } expressions with the common filters, tests and string methods, and the if, for, set and raw tags.",
        _ => $"Make the template smaller: Sodalite renders at most {JinjaLimits.MaxOutputChars:N0} characters, "
            + $"{JinjaLimits.MaxLoopIterations:N0} loop iterations and {JinjaLimits.MaxParseNesting} levels of nesting.",
    };
}
