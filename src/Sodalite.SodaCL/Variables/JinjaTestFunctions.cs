// The Jinja tests (x is defined, x is number, ...) Sodalite implements, with Jinja2's behaviour.
using System.Numerics;

namespace Sodalite.SodaCL.Variables;

internal static class JinjaTestFunctions
{
    private static readonly HashSet<string> Supported =
        ["defined", "undefined", "none", "boolean", "true", "false", "integer", "float", "number", "string", "mapping",
         "sequence", "iterable", "even", "odd", "divisibleby", "eq", "equalto", "==", "ne", "!=", "lt", "lessthan", "<",
         "le", "<=", "gt", "greaterthan", ">", "ge", ">=", "in", "lower", "upper"];

    private static readonly HashSet<string> OtherJinjaTests = ["callable", "escaped", "filter", "test", "sameas"];

    /// <summary>Why a test name cannot be used, or null when it can.</summary>
    public static JinjaParser.NameProblem? Problem(string name)
    {
        if (Supported.Contains(name)) return null;
        if (OtherJinjaTests.Contains(name)) return new(name, false, $"the Jinja test '{name}' is not supported by Sodalite");
        return new(name, true, $"No test named '{name}'");
    }

    public static bool Apply(string name, object? value, CallArgs args)
    {
        if (Problem(name) is { } problem)
            throw problem.UnknownToJinja ? JinjaError.Syntax(problem.Message + " found.") : JinjaError.Unsupported(problem.Message);
        object? Arg() => JinjaArgs.Bind(name, args, ["other"], 1)[0];
        void None() => JinjaArgs.Bind(name, args, [], 0);
        switch (name)
        {
            case "defined": None(); return value is not Undefined;
            case "undefined": None(); return value is Undefined;
            case "none": None(); return value is null;
            case "boolean": None(); return value is bool;
            case "true": None(); return value is true;
            case "false": None(); return value is false;
            case "integer": None(); return value is BigInteger;
            case "float": None(); return value is double;
            case "number": None(); return value is bool or BigInteger or double;
            case "string": None(); return value is string;
            case "mapping": None(); return value is PyDict;
            case "sequence": None(); return value is Undefined or string or PyDict or PyRange or PyList { Kind: SequenceKind.List or SequenceKind.Tuple };
            case "iterable": None(); return value is Undefined or string or PyDict or PyRange or PyList or LoopContext;
            case "even": None(); return PyOps.Equal(Modulo(value, (BigInteger)2), BigInteger.Zero);
            case "odd": None(); return PyOps.Equal(Modulo(value, (BigInteger)2), BigInteger.One);
            case "divisibleby": return PyOps.Equal(Modulo(value, Arg()), BigInteger.Zero);
            case "eq" or "equalto" or "==": return PyOps.Equal(value, Arg());
            case "ne" or "!=": return !PyOps.Equal(value, Arg());
            case "lt" or "lessthan" or "<": return PyOps.Order("<", value, Arg());
            case "le" or "<=": return PyOps.Order("<=", value, Arg());
            case "gt" or "greaterthan" or ">": return PyOps.Order(">", value, Arg());
            case "ge" or ">=": return PyOps.Order(">=", value, Arg());
            case "in": return PyOps.Contains(Arg(), value);
            case "lower": None(); return PyText.IsLower(PyFormat.Str(value));
            case "upper": None(); return PyText.IsUpper(PyFormat.Str(value));
            default: throw new InvalidOperationException($"test {name} was not rejected by the parser");
        }
    }

    private static object? Modulo(object? value, object? by) => value is string
        ? throw JinjaError.Type("not all arguments converted during string formatting")
        : PyOps.Modulo(value, by);
}
