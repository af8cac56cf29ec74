// The internal error that value operations raise (Python's exception, without a position);
// the renderer turns it into a JinjaException that names the tag it happened in.
namespace Sodalite.SodaCL.Variables;

internal sealed class JinjaError(JinjaErrorKind kind, string message, string? undefinedName = null) : Exception(message)
{
    public JinjaErrorKind Kind => kind;

    /// <summary>For an undefined variable used in an operation: its name.</summary>
    public string? UndefinedName => undefinedName;

    public static JinjaError Type(string message) => new(JinjaErrorKind.Type, message);

    public static JinjaError Value(string message) => new(JinjaErrorKind.Value, message);

    public static JinjaError Unsupported(string message) => new(JinjaErrorKind.Unsupported, message);

    public static JinjaError Limit(string message) => new(JinjaErrorKind.Limit, message);

    public static JinjaError Syntax(string message) => new(JinjaErrorKind.Syntax, message);

    public static JinjaError Of(Undefined u) => new(JinjaErrorKind.Undefined, u.Hint, u.Name);
}
