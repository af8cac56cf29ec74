// Binds call arguments to parameters the way Python does, with Python-like messages.
using System.Numerics;

namespace Sodalite.SodaCL.Variables;

internal static class JinjaArgs
{
    /// <summary>Marks a parameter that the call did not pass.</summary>
    public static readonly object Missing = new();

    /// <summary>The arguments in parameter order; parameters after <paramref name="required"/> may be Missing.</summary>
    public static object?[] Bind(string function, CallArgs args, string[] names, int required)
    {
        var values = new object?[names.Length];
        Array.Fill(values, Missing);
        if (args.Positional.Count > names.Length)
        {
            string takes = required == names.Length ? $"{names.Length}" : $"from {required} to {names.Length}";
            throw JinjaError.Type($"{function}() takes {takes} positional argument{(names.Length == 1 ? "" : "s")} but {args.Positional.Count} were given");
        }
        for (int i = 0; i < args.Positional.Count; i++) values[i] = args.Positional[i];
        foreach (var (name, value) in args.Keywords)
        {
            int i = Array.IndexOf(names, name);
            if (i < 0) throw JinjaError.Type($"{function}() got an unexpected keyword argument '{name}'");
            if (values[i] != Missing) throw JinjaError.Type($"{function}() got multiple values for argument '{name}'");
            values[i] = value;
        }
        for (int i = 0; i < required; i++)
            if (values[i] == Missing) throw JinjaError.Type($"{function}() missing required argument '{names[i]}'");
        return values;
    }

    public static bool IsMissing(object? v) => ReferenceEquals(v, Missing);

    /// <summary>An argument that Python requires to be an int (an "index"); bool counts as int.</summary>
    public static BigInteger Index(object? v)
    {
        PyOps.Defined(v);
        return v switch
        {
            bool or BigInteger => PyOps.ToInt(v),
            _ => throw JinjaError.Type($"'{PyOps.TypeName(v)}' object cannot be interpreted as an integer"),
        };
    }

    /// <summary>An index argument clamped into a long (for counts).</summary>
    public static long IndexAsLong(object? v)
    {
        var i = Index(v);
        return i > long.MaxValue ? long.MaxValue : i < long.MinValue ? long.MinValue : (long)i;
    }

    public static string Str(string function, int position, object? v) => v is string s ? s
        : throw JinjaError.Type($"{function}() argument {position} must be str, not {PyOps.TypeName(v)}");
}
