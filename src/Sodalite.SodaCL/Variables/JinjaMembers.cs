// Attribute and item access as Jinja's sandbox does it: x.name tries the attribute and then the item,
// x[key] tries the item and then (for a text key) the attribute, and what is missing is Undefined.
// Supported methods: str upper lower strip lstrip rstrip replace startswith endswith split join count
// find capitalize title; dict get keys values items; list/tuple count index. Other real Python methods
// are refused with a clear error rather than silently rendering as empty.
using System.Numerics;

namespace Sodalite.SodaCL.Variables;

internal static class JinjaMembers
{
    private static readonly HashSet<string> OtherStrMethods =
        ["casefold", "center", "encode", "expandtabs", "format", "format_map", "index", "isalnum", "isalpha", "isascii",
         "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper",
         "ljust", "maketrans", "partition", "removeprefix", "removesuffix", "rfind", "rindex", "rjust", "rpartition",
         "rsplit", "splitlines", "swapcase", "translate", "zfill"];

    private static readonly HashSet<string> OtherDictMethods = ["clear", "copy", "fromkeys", "pop", "popitem", "setdefault", "update"];

    private static readonly HashSet<string> OtherListMethods = ["append", "clear", "copy", "extend", "insert", "pop", "remove", "reverse", "sort"];

    private static readonly HashSet<string> OtherNumberMembers =
        ["conjugate", "bit_length", "bit_count", "to_bytes", "from_bytes", "as_integer_ratio", "is_integer", "hex", "fromhex",
         "numerator", "denominator"];

    /// <summary>How Jinja names an object's type in Undefined messages ("str object", "None").</summary>
    private static string ObjectTypeRepr(object? obj) => obj switch
    {
        null => "None",
        LoopContext => "jinja2.runtime.LoopContext object",
        _ => $"{PyOps.TypeName(obj)} object",
    };

    private static Undefined MissingAttribute(object? obj, string name) =>
        name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal) && name.Length > 4
            ? new Undefined($"access to attribute '{name}' of '{PyOps.TypeName(obj)}' object is unsafe.")
            : new Undefined($"'{ObjectTypeRepr(obj)}' has no attribute '{name}'");

    private static Undefined MissingElement(object? obj, object? key) =>
        new($"{ObjectTypeRepr(obj)} has no element {(key is SliceKey s ? s.Repr() : PyFormat.Repr(key))}");

    private static JinjaError UnsupportedMethod(object? obj, string name) =>
        JinjaError.Unsupported($"the {PyOps.TypeName(obj)} method or attribute '{name}' is not supported by Sodalite");

    /// <summary>x.name</summary>
    public static object? GetAttr(object? obj, string name)
    {
        switch (obj)
        {
            case Undefined u: throw JinjaError.Of(u);
            case string s:
                if (StrMethod(s, name) is { } sm) return sm;
                if (OtherStrMethods.Contains(name)) throw UnsupportedMethod(obj, name);
                break;
            case PyDict d:
                if (DictMethod(d, name) is { } dm) return dm;
                if (OtherDictMethods.Contains(name)) throw UnsupportedMethod(obj, name);
                if (d.TryGet(name, out var value)) return value;
                break;
            case PyList { Kind: SequenceKind.List or SequenceKind.Tuple } l:
                if (ListMethod(l, name) is { } lm) return lm;
                if (l.Kind == SequenceKind.List && OtherListMethods.Contains(name)) throw UnsupportedMethod(obj, name);
                break;
            case bool or BigInteger or double:
                if (name == "real") return obj is double ? obj : PyOps.ToInt(obj);
                if (name == "imag") return obj is double ? 0.0 : BigInteger.Zero;
                if (OtherNumberMembers.Contains(name)) throw UnsupportedMethod(obj, name);
                break;
            case PyRange r:
                if (name == "start") return (BigInteger)r.Start;
                if (name == "stop") return (BigInteger)r.Stop;
                if (name == "step") return (BigInteger)r.Step;
                if (name is "count" or "index") throw UnsupportedMethod(obj, name);
                break;
            case LoopContext loop:
                return LoopAttribute(loop, name);
        }
        return MissingAttribute(obj, name);
    }

    private static object? LoopAttribute(LoopContext loop, string name)
    {
        int i = loop.Index0, n = loop.Length;
        return name switch
        {
            "index" => (BigInteger)(i + 1),
            "index0" => (BigInteger)i,
            "revindex" => (BigInteger)(n - i),
            "revindex0" => (BigInteger)(n - i - 1),
            "first" => i == 0,
            "last" => i == n - 1,
            "length" => (BigInteger)n,
            "depth" => BigInteger.One,
            "depth0" => BigInteger.Zero,
            "previtem" => i > 0 ? loop.Items[i - 1] : new Undefined("there is no previous item"),
            "nextitem" => i < n - 1 ? loop.Items[i + 1] : new Undefined("there is no next item"),
            "cycle" => new PyCallable("cycle", "method", args =>
            {
                if (args.Keywords.Count > 0) throw JinjaError.Type($"cycle() got an unexpected keyword argument '{args.Keywords[0].Key}'");
                if (args.Positional.Count == 0) throw JinjaError.Type("no items for cycling given");
                return args.Positional[loop.Index0 % args.Positional.Count];
            }),
            "changed" => throw JinjaError.Unsupported("loop.changed() is not supported by Sodalite"),
            _ => MissingAttribute(loop, name),
        };
    }

    /// <summary>x[key] (a slice key is handled by <see cref="Slice"/>).</summary>
    public static object? GetItem(object? obj, object? key)
    {
        if (obj is Undefined u) throw JinjaError.Of(u);
        switch (obj)
        {
            case string s when key is bool or BigInteger:
                {
                    var chars = PyOps.HasSurrogates(s) ? PyOps.CodePoints(s) : null;
                    int len = chars?.Count ?? s.Length;
                    return NormalizeIndex(PyOps.ToInt(key), len) is int i
                        ? (chars is null ? s[i].ToString() : chars[i])
                        : MissingElement(obj, key);
                }
            case PyList { Kind: SequenceKind.List or SequenceKind.Tuple } l when key is bool or BigInteger:
                return NormalizeIndex(PyOps.ToInt(key), l.Items.Count) is int j ? l.Items[j] : MissingElement(obj, key);
            case PyRange r when key is bool or BigInteger:
                return NormalizeIndex(PyOps.ToInt(key), r.Count) is int k ? r[k] : MissingElement(obj, key);
            case PyDict d:
                if (key is not (PyList { Kind: not SequenceKind.Tuple } or PyDict) && d.TryGet(key, out var value)) return value;
                break;
        }
        return key is string name ? GetAttr(obj, name) : MissingElement(obj, key);
    }

    private static int? NormalizeIndex(BigInteger index, long length)
    {
        if (index < 0) index += length;
        return index >= 0 && index < length ? (int)index : null;
    }

    /// <summary>The parts of a slice, for error messages.</summary>
    private sealed record SliceKey(object? Start, object? Stop, object? Step)
    {
        public string Repr() => $"slice({PyFormat.Repr(Start)}, {PyFormat.Repr(Stop)}, {PyFormat.Repr(Step)})";
    }

    /// <summary>x[start:stop:step] on a str, list or tuple, with Python's clamping of indices.</summary>
    public static object? Slice(object? obj, object? start, object? stop, object? step)
    {
        if (obj is Undefined u) throw JinjaError.Of(u);
        if (obj is PyRange range) obj = new PyList(PyOps.ToList(range));
        bool valid = IsIndexOrNone(start) && IsIndexOrNone(stop) && IsIndexOrNone(step);
        if (!valid || obj is not (string or PyList { Kind: SequenceKind.List or SequenceKind.Tuple }))
            return MissingElement(obj, new SliceKey(start, stop, step));
        long st = step is null ? 1 : Clamp(PyOps.ToInt(step));
        if (st == 0) throw JinjaError.Value("slice step cannot be zero");
        IReadOnlyList<object?> items = obj is string s ? PyOps.CodePoints(s) : ((PyList)obj).Items;
        long n = items.Count;
        long lower = st > 0 ? 0 : -1, upper = st > 0 ? n : n - 1;
        long a = Bound(start, st < 0 ? upper : lower, n, lower, upper);
        long b = Bound(stop, st < 0 ? lower : upper, n, lower, upper);
        var result = new List<object?>();
        for (long i = a; st > 0 ? i < b : i > b; i += st) result.Add(items[(int)i]);
        return obj is string ? string.Concat(result.Cast<string>()) : new PyList(result, ((PyList)obj).Kind);
    }

    private static bool IsIndexOrNone(object? v) => v is null or bool or BigInteger;

    private static long Clamp(BigInteger i) => i > long.MaxValue / 2 ? long.MaxValue / 2 : i < long.MinValue / 2 ? long.MinValue / 2 : (long)i;

    private static long Bound(object? v, long byDefault, long n, long lower, long upper)
    {
        if (v is null) return byDefault;
        long i = Clamp(PyOps.ToInt(v));
        if (i < 0)
        {
            i += n;
            return i < lower ? lower : i;
        }
        return i > upper ? upper : i;
    }

    // ---- methods ----

    private static PyCallable Method(string name, Func<CallArgs, object?> body) =>
        new(name, "builtin_function_or_method", args =>
        {
            var result = body(args);
            return result is string s ? PyOps.CheckString(s) : result;
        });

    private static PyCallable? StrMethod(string s, string name) => name switch
    {
        "upper" => Method(name, a => { NoArgs("str.upper", a); return PyText.Upper(s); }),
        "lower" => Method(name, a => { NoArgs("str.lower", a); return PyText.Lower(s); }),
        "capitalize" => Method(name, a => { NoArgs("str.capitalize", a); return PyText.Capitalize(s); }),
        "title" => Method(name, a => { NoArgs("str.title", a); return PyText.Title(s); }),
        "strip" => Method(name, a => PyText.Strip(s, StripChars("strip", a))),
        "lstrip" => Method(name, a => PyText.LStrip(s, StripChars("lstrip", a))),
        "rstrip" => Method(name, a => PyText.RStrip(s, StripChars("rstrip", a))),
        "replace" => Method(name, a =>
        {
            var v = JinjaArgs.Bind("replace", a, ["old", "new", "count"], 2);
            long count = JinjaArgs.IsMissing(v[2]) ? -1 : JinjaArgs.IndexAsLong(v[2]);
            return PyText.Replace(s, JinjaArgs.Str("replace", 1, v[0]), JinjaArgs.Str("replace", 2, v[1]), count);
        }),
        "startswith" => Method(name, a => Affix("startswith", s, a, (text, x) => text.StartsWith(x, StringComparison.Ordinal))),
        "endswith" => Method(name, a => Affix("endswith", s, a, (text, x) => text.EndsWith(x, StringComparison.Ordinal))),
        "split" => Method(name, a =>
        {
            var v = JinjaArgs.Bind("split", a, ["sep", "maxsplit"], 0);
            string? sep = JinjaArgs.IsMissing(v[0]) || v[0] is null ? null
                : v[0] as string ?? throw JinjaError.Type($"must be str or None, not {PyOps.TypeName(v[0])}");
            long max = JinjaArgs.IsMissing(v[1]) ? -1 : JinjaArgs.IndexAsLong(v[1]);
            return new PyList(PyText.Split(s, sep, max));
        }),
        "join" => Method(name, a =>
        {
            var v = JinjaArgs.Bind("join", a, ["iterable"], 1);
            var parts = new List<string>();
            long total = 0;
            foreach (var item in PyOps.Iterate(v[0]))
            {
                if (item is not string part)
                    throw JinjaError.Type($"sequence item {parts.Count}: expected str instance, {PyOps.TypeName(item)} found");
                total += part.Length + s.Length;
                if (total > JinjaLimits.MaxOutputChars) throw JinjaError.Limit($"string longer than {JinjaLimits.MaxOutputChars:N0} characters");
                parts.Add(part);
            }
            return string.Join(s, parts);
        }),
        "count" => Method(name, a => (BigInteger)PyText.Count(s, JinjaArgs.Str("count", 1, JinjaArgs.Bind("count", a, ["sub"], 1)[0]))),
        "find" => Method(name, a => (BigInteger)PyText.Find(s, JinjaArgs.Str("find", 1, JinjaArgs.Bind("find", a, ["sub"], 1)[0]))),
        _ => null,
    };

    private static void NoArgs(string function, CallArgs args)
    {
        int n = args.Positional.Count + args.Keywords.Count;
        if (n > 0) throw JinjaError.Type($"{function}() takes no arguments ({n} given)");
    }

    private static string? StripChars(string function, CallArgs args)
    {
        var v = JinjaArgs.Bind(function, args, ["chars"], 0);
        if (JinjaArgs.IsMissing(v[0]) || v[0] is null) return null;
        return v[0] as string ?? throw JinjaError.Type($"{function} arg must be None or str");
    }

    private static bool Affix(string function, string s, CallArgs args, Func<string, string, bool> test)
    {
        var v = JinjaArgs.Bind(function, args, ["prefix"], 1);
        if (v[0] is string x) return test(s, x);
        if (v[0] is PyList { Kind: SequenceKind.Tuple } t)
        {
            foreach (var item in t.Items)
            {
                if (item is not string ts) throw JinjaError.Type($"tuple for {function} must only contain str, not {PyOps.TypeName(item)}");
                if (test(s, ts)) return true;
            }
            return false;
        }
        throw JinjaError.Type($"{function} first arg must be str or a tuple of str, not {PyOps.TypeName(v[0])}");
    }

    private static PyCallable? DictMethod(PyDict d, string name) => name switch
    {
        "get" => Method(name, a =>
        {
            var v = JinjaArgs.Bind("get", a, ["key", "default"], 1);
            return d.TryGet(v[0], out var value) ? value : JinjaArgs.IsMissing(v[1]) ? null : v[1];
        }),
        "keys" => Method(name, a => { NoArgs("dict.keys", a); return new PyList([.. d.Keys], SequenceKind.DictKeys); }),
        "values" => Method(name, a => { NoArgs("dict.values", a); return new PyList([.. d.Values], SequenceKind.DictValues); }),
        "items" => Method(name, a =>
        {
            NoArgs("dict.items", a);
            return new PyList([.. d.Keys.Select((k, i) => (object?)PyList.Tuple(k, d.Values[i]))], SequenceKind.DictItems);
        }),
        _ => null,
    };

    private static PyCallable? ListMethod(PyList l, string name) => name switch
    {
        "count" => Method(name, a =>
        {
            var x = JinjaArgs.Bind("count", a, ["value"], 1)[0];
            return (BigInteger)l.Items.Count(item => PyOps.Equal(item, x));
        }),
        "index" => Method(name, a =>
        {
            var x = JinjaArgs.Bind("index", a, ["value"], 1)[0];
            int i = l.Items.FindIndex(item => PyOps.Equal(item, x));
            return i >= 0 ? (BigInteger)i : throw JinjaError.Value($"{PyFormat.Repr(x)} is not in {l.TypeName}");
        }),
        _ => null,
    };

    /// <summary>callee(args): functions and methods; anything else is not callable.</summary>
    public static object? Call(object? callee, CallArgs args) => callee switch
    {
        Undefined u => throw JinjaError.Of(u),
        PyCallable c => c.Invoke(args),
        _ => throw JinjaError.Type($"'{PyOps.TypeName(callee)}' object is not callable"),
    };
}
