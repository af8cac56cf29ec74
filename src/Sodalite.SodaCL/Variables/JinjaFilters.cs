// The Jinja filters Sodalite implements, with Jinja2's behaviour (established against Jinja2 3.1):
// int, float, string, default/d, lower, upper, trim, replace, round, abs, length/count, join, first,
// last, list, capitalize, title. Jinja's other built-in filters are refused when the template is parsed.
using System.Numerics;
using System.Text;

namespace Sodalite.SodaCL.Variables;

internal static class JinjaFilters
{
    private static readonly HashSet<string> Supported =
        ["int", "float", "string", "default", "d", "lower", "upper", "trim", "replace", "round", "abs", "length", "count",
         "join", "first", "last", "list", "capitalize", "title"];

    private static readonly HashSet<string> OtherJinjaFilters =
        ["attr", "batch", "center", "dictsort", "e", "escape", "filesizeformat", "forceescape", "format", "groupby", "indent",
         "items", "map", "max", "min", "pprint", "random", "reject", "rejectattr", "reverse", "safe", "select", "selectattr",
         "slice", "sort", "striptags", "sum", "tojson", "truncate", "unique", "urlencode", "urlize", "wordcount", "wordwrap",
         "xmlattr"];

    /// <summary>Why a filter name cannot be used, or null when it can.</summary>
    public static JinjaParser.NameProblem? Problem(string name)
    {
        if (Supported.Contains(name)) return null;
        if (OtherJinjaFilters.Contains(name))
            return new(name, false, $"the Jinja filter '{name}' is not supported by Sodalite (supported: {string.Join(", ", Supported.Order(StringComparer.Ordinal))})");
        return new(name, true, $"No filter named '{name}'");
    }

    public static object? Apply(string name, object? value, CallArgs args) => name switch
    {
        _ when Problem(name) is { } problem => throw (problem.UnknownToJinja
            ? JinjaError.Syntax(problem.Message + " found.")
            : JinjaError.Unsupported(problem.Message)),
        "int" => Int(value, args),
        "float" => Float(value, args),
        "string" => NoArgs(name, args, () => PyFormat.Str(value)),
        "default" or "d" => Default(value, args),
        "lower" => NoArgs(name, args, () => PyText.Lower(PyFormat.Str(value))),
        "upper" => NoArgs(name, args, () => PyText.Upper(PyFormat.Str(value))),
        "capitalize" => NoArgs(name, args, () => PyText.Capitalize(PyFormat.Str(value))),
        "title" => NoArgs(name, args, () => PyText.JinjaTitle(PyFormat.Str(value))),
        "trim" => Trim(value, args),
        "replace" => Replace(value, args),
        "round" => Round(value, args),
        "abs" => NoArgs(name, args, () => Abs(value)),
        "length" or "count" => NoArgs(name, args, () => (BigInteger)PyOps.Length(value)),
        "join" => Join(value, args),
        "first" => NoArgs(name, args, () => First(value)),
        "last" => NoArgs(name, args, () => Last(value)),
        "list" => NoArgs(name, args, () => new PyList(PyOps.ToList(value))),
        _ => throw new InvalidOperationException($"filter {name} was not rejected by the parser"),
    };

    private static object? NoArgs(string name, CallArgs args, Func<object?> body)
    {
        JinjaArgs.Bind(name, args, [], 0);
        return body();
    }

    /// <summary>Text: int(text, base), else int(float(text)), else the default; other values: int(value), else the default.</summary>
    private static object? Int(object? value, CallArgs args)
    {
        var v = JinjaArgs.Bind("int", args, ["default", "base"], 0);
        object? fallback = JinjaArgs.IsMissing(v[0]) ? BigInteger.Zero : v[0];
        object? numberBase = JinjaArgs.IsMissing(v[1]) ? (BigInteger)10 : v[1];
        PyOps.Defined(value);
        switch (value)
        {
            case string s:
                if (numberBase is bool or BigInteger && PyOps.ToInt(numberBase) is var b && b >= 0 && b <= 36
                    && PyNumbers.TryParseInt(s, (int)b, out var parsed))
                    return parsed;
                if (PyNumbers.TryParseFloat(s, out double d) && !double.IsNaN(d)) return PyNumbers.Truncate(d);
                return fallback;
            case bool or BigInteger: return PyOps.ToInt(value);
            case double d2:
                if (double.IsNaN(d2)) return fallback;
                return PyNumbers.Truncate(d2);
            default: return fallback;
        }
    }

    private static object? Float(object? value, CallArgs args)
    {
        var v = JinjaArgs.Bind("float", args, ["default"], 0);
        object? fallback = JinjaArgs.IsMissing(v[0]) ? 0.0 : v[0];
        PyOps.Defined(value);
        return value switch
        {
            string s => PyNumbers.TryParseFloat(s, out double d) ? d : fallback,
            bool or BigInteger or double => PyOps.ToFloat(value),
            _ => fallback,
        };
    }

    private static object? Default(object? value, CallArgs args)
    {
        var v = JinjaArgs.Bind("default", args, ["default_value", "boolean"], 0);
        object? fallback = JinjaArgs.IsMissing(v[0]) ? "" : v[0];
        bool boolean = !JinjaArgs.IsMissing(v[1]) && PyOps.Truthy(v[1]);
        return value is Undefined || (boolean && !PyOps.Truthy(value)) ? fallback : value;
    }

    private static object? Trim(object? value, CallArgs args)
    {
        var v = JinjaArgs.Bind("trim", args, ["chars"], 0);
        string? chars = JinjaArgs.IsMissing(v[0]) || v[0] is null ? null
            : v[0] as string ?? throw JinjaError.Type("strip arg must be None or str");
        return PyText.Strip(PyFormat.Str(value), chars);
    }

    private static object? Replace(object? value, CallArgs args)
    {
        var v = JinjaArgs.Bind("replace", args, ["old", "new", "count"], 2);
        long count = JinjaArgs.IsMissing(v[2]) || v[2] is null ? -1 : JinjaArgs.IndexAsLong(v[2]);
        return PyText.Replace(PyFormat.Str(value), PyFormat.Str(v[0]), PyFormat.Str(v[1]), count);
    }

    /// <summary>common: Python's round(value, precision); ceil/floor: ceil(value * 10**p) / 10**p (a float).</summary>
    private static object? Round(object? value, CallArgs args)
    {
        var v = JinjaArgs.Bind("round", args, ["precision", "method"], 0);
        object? precision = JinjaArgs.IsMissing(v[0]) ? BigInteger.Zero : v[0];
        object? method = JinjaArgs.IsMissing(v[1]) ? "common" : v[1];
        if (method is not ("common" or "ceil" or "floor")) throw JinjaError.Value("method must be common, ceil or floor");
        if ((string)method! == "common") return PythonRound(value, precision);
        var scale = PyOps.Power((BigInteger)10, precision);
        var scaled = PyOps.Multiply(value, scale);
        object? whole = scaled switch
        {
            bool or BigInteger => PyOps.ToInt(scaled),
            double d => method is "ceil" ? PyNumbers.Truncate(Math.Ceiling(d)) : PyNumbers.Truncate(Math.Floor(d)),
            _ => throw JinjaError.Type($"must be real number, not {PyOps.TypeName(scaled)}"),
        };
        return PyOps.Divide(whole, scale);
    }

    private static object? PythonRound(object? value, object? precision)
    {
        if (!PyOps.IsNumber(value)) throw JinjaError.Type($"type {PyOps.TypeName(value)} doesn't define __round__ method");
        if (precision is null)
            return value is double d ? PyNumbers.RoundToInt(d) : PyOps.ToInt(value);
        var digits = JinjaArgs.Index(precision);
        return value is double x ? PyNumbers.Round(x, digits) : PyNumbers.Round(PyOps.ToInt(value), digits);
    }

    private static object? Abs(object? value) => value switch
    {
        bool or BigInteger => BigInteger.Abs(PyOps.ToInt(value)),
        double d => Math.Abs(d),
        _ => throw JinjaError.Type($"bad operand type for abs(): '{PyOps.TypeName(value)}'"),
    };

    private static object? Join(object? value, CallArgs args)
    {
        var v = JinjaArgs.Bind("join", args, ["d", "attribute"], 0);
        string separator = JinjaArgs.IsMissing(v[0]) ? "" : PyFormat.Str(v[0]);
        object? attribute = JinjaArgs.IsMissing(v[1]) ? null : v[1];
        var sb = new StringBuilder();
        bool first = true;
        foreach (var raw in PyOps.Iterate(value))
        {
            var item = attribute is null ? raw : AttributeOf(raw, attribute);
            string text = PyFormat.Str(item);
            if (sb.Length + (long)text.Length + separator.Length > JinjaLimits.MaxOutputChars)
                throw JinjaError.Limit($"string longer than {JinjaLimits.MaxOutputChars:N0} characters");
            if (!first) sb.Append(separator);
            sb.Append(text);
            first = false;
        }
        return sb.ToString();
    }

    /// <summary>Jinja's attribute getter: "a.b" walks attributes, digit parts are indexes.</summary>
    private static object? AttributeOf(object? item, object? attribute)
    {
        if (attribute is not string path) return JinjaMembers.GetItem(item, attribute);
        foreach (string part in path.Split('.'))
            item = part.Length > 0 && part.All(char.IsAsciiDigit)
                ? JinjaMembers.GetItem(item, BigInteger.Parse(part, System.Globalization.CultureInfo.InvariantCulture))
                : JinjaMembers.GetItem(item, part);
        return item;
    }

    private static object? First(object? value)
    {
        foreach (var item in PyOps.Iterate(value)) return item;
        return new Undefined("No first item, sequence was empty.");
    }

    private static object? Last(object? value)
    {
        IReadOnlyList<object?> items = value switch
        {
            Undefined => [],
            string s => PyOps.CodePoints(s),
            PyList l => l.Items,
            PyDict d => d.Keys,
            PyRange r => r.Count == 0 ? [] : [r[r.Count - 1]],
            _ => throw JinjaError.Type($"'{PyOps.TypeName(value)}' object is not reversible"),
        };
        return items.Count > 0 ? items[^1] : new Undefined("No last item, sequence was empty.");
    }
}
