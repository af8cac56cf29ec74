// Python semantics for the values Jinja computes with: truthiness, equality, ordering, arithmetic,
// membership, iteration and length, with Python's error messages. Sizes are bounded (JinjaLimits).
using System.Numerics;

namespace Sodalite.SodaCL.Variables;

internal static class PyOps
{
    public static string TypeName(object? v) => v switch
    {
        null => "NoneType",
        bool => "bool",
        BigInteger => "int",
        double => "float",
        string => "str",
        PyList l => l.TypeName,
        PyDict => "dict",
        PyRange => "range",
        Undefined => "Undefined",
        LoopContext => "LoopContext",
        PyCallable c => c.TypeName,
        _ => v.GetType().Name,
    };

    public static bool IsNumber(object? v) => v is bool or BigInteger or double;

    public static bool Truthy(object? v) => v switch
    {
        null => false,
        bool b => b,
        BigInteger i => !i.IsZero,
        double d => d != 0.0,
        string s => s.Length > 0,
        PyList l => l.Items.Count > 0,
        PyDict d => d.Count > 0,
        PyRange r => r.Count > 0,
        Undefined => false,
        _ => true,
    };

    /// <summary>Fails with Jinja's UndefinedError when a value is Undefined (for operations Undefined does not support).</summary>
    public static void Defined(object? v)
    {
        if (v is Undefined u) throw JinjaError.Of(u);
    }

    public static BigInteger ToInt(object? v) => v switch
    {
        bool b => b ? BigInteger.One : BigInteger.Zero,
        BigInteger i => i,
        _ => throw new InvalidOperationException("not an int"),
    };

    public static double ToFloat(object? v) => v switch
    {
        bool b => b ? 1.0 : 0.0,
        BigInteger i => IntToFloat(i),
        double d => d,
        _ => throw new InvalidOperationException("not a number"),
    };

    public static double IntToFloat(BigInteger i)
    {
        double d = (double)i;
        if (double.IsInfinity(d)) throw JinjaError.Value("int too large to convert to float");
        return d;
    }

    public static BigInteger CheckInt(BigInteger i)
    {
        if (i.GetBitLength() > JinjaLimits.MaxIntegerBits)
            throw JinjaError.Limit($"integer result larger than {JinjaLimits.MaxIntegerBits} bits");
        return i;
    }

    public static string CheckString(string s)
    {
        if (s.Length > JinjaLimits.MaxOutputChars) throw JinjaError.Limit($"string longer than {JinjaLimits.MaxOutputChars:N0} characters");
        return s;
    }

    // ---- equality and hashing ----

    public static bool Equal(object? a, object? b) => Equal(a, b, 0);

    private static bool Equal(object? a, object? b, int depth)
    {
        if (depth > JinjaLimits.MaxValueDepth) throw JinjaError.Limit("values nested too deeply to compare");
        if (a is Undefined || b is Undefined) return a is Undefined && b is Undefined;
        if (a is null || b is null) return a is null && b is null;
        if (IsNumber(a) && IsNumber(b)) return CompareNumbers(a, b) == 0;
        switch (a)
        {
            case string sa: return b is string sb && string.Equals(sa, sb, StringComparison.Ordinal);
            case PyList la:
                {
                    if (b is not PyList lb || la.Kind != lb.Kind || la.Items.Count != lb.Items.Count) return false;
                    for (int i = 0; i < la.Items.Count; i++)
                        if (!Equal(la.Items[i], lb.Items[i], depth + 1)) return false;
                    return true;
                }
            case PyDict da:
                {
                    if (b is not PyDict db || da.Count != db.Count) return false;
                    for (int i = 0; i < da.Count; i++)
                        if (!db.TryGet(da.Keys[i], out var v) || !Equal(da.Values[i], v, depth + 1)) return false;
                    return true;
                }
            case PyRange ra:
                return b is PyRange rb && ra.Count == rb.Count && (ra.Count == 0 || (ra.Start == rb.Start && (ra.Count == 1 || ra.Step == rb.Step)));
            default: return ReferenceEquals(a, b);
        }
    }

    public static int Hash(object? v) => Hash(v, 0);

    private static int Hash(object? v, int depth)
    {
        if (depth > JinjaLimits.MaxValueDepth) throw JinjaError.Limit("values nested too deeply to hash");
        switch (v)
        {
            case null: return 0;
            case bool b: return b ? BigInteger.One.GetHashCode() : BigInteger.Zero.GetHashCode();
            case BigInteger i: return i.GetHashCode();
            case double d:
                if (double.IsFinite(d) && Math.Floor(d) == d) return new BigInteger(d).GetHashCode();
                return d.GetHashCode();
            case string s: return StringComparer.Ordinal.GetHashCode(s);
            case PyList { Kind: SequenceKind.Tuple } t:
                {
                    var h = new HashCode();
                    foreach (var item in t.Items) h.Add(Hash(item, depth + 1));
                    return h.ToHashCode();
                }
            case PyRange r: return HashCode.Combine(r.Start, r.Count);
            case Undefined: return 7;
            case PyList or PyDict: throw JinjaError.Type($"unhashable type: '{TypeName(v)}'");
            default: return System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(v);
        }
    }

    // ---- ordering ----

    /// <summary>Python's a OP b for OP in &lt; &lt;= &gt; &gt;=.</summary>
    public static bool Order(string op, object? a, object? b) => Order(op, a, b, 0);

    private static bool Order(string op, object? a, object? b, int depth)
    {
        if (depth > JinjaLimits.MaxValueDepth) throw JinjaError.Limit("values nested too deeply to compare");
        Defined(a);
        Defined(b);
        int? c;
        if (IsNumber(a) && IsNumber(b)) c = CompareNumbers(a, b);
        else if (a is string sa && b is string sb) c = CompareCodePoints(sa, sb);
        else if (a is PyList la && b is PyList lb && la.Kind == lb.Kind && la.Kind is SequenceKind.List or SequenceKind.Tuple)
        {
            int n = Math.Min(la.Items.Count, lb.Items.Count);
            for (int i = 0; i < n; i++)
                if (!Equal(la.Items[i], lb.Items[i], depth + 1)) return Order(op, la.Items[i], lb.Items[i], depth + 1);
            c = la.Items.Count.CompareTo(lb.Items.Count);
        }
        else throw JinjaError.Type($"'{op}' not supported between instances of '{TypeName(a)}' and '{TypeName(b)}'");
        if (c is not int r) return false; // NaN is unordered
        return op switch { "<" => r < 0, "<=" => r <= 0, ">" => r > 0, _ => r >= 0 };
    }

    /// <summary>Compares two numbers exactly (int against float too); null when a NaN is involved.</summary>
    public static int? CompareNumbers(object? a, object? b)
    {
        if (a is double || b is double)
        {
            if (a is double da && b is double db) return double.IsNaN(da) || double.IsNaN(db) ? null : da.CompareTo(db);
            if (a is double x) return -CompareIntFloat(ToInt(b), x);
            return CompareIntFloat(ToInt(a), (double)b!);
        }
        return ToInt(a).CompareTo(ToInt(b));
    }

    private static int? CompareIntFloat(BigInteger i, double d)
    {
        if (double.IsNaN(d)) return null;
        if (double.IsPositiveInfinity(d)) return -1;
        if (double.IsNegativeInfinity(d)) return 1;
        double floor = Math.Floor(d);
        int c = i.CompareTo(new BigInteger(floor));
        if (c != 0) return c;
        return d > floor ? -1 : 0;
    }

    /// <summary>Orders strings by Unicode code point, as Python does (not by UTF-16 unit).</summary>
    public static int CompareCodePoints(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            int ca = CodePointAt(a, i, out int la), cb = CodePointAt(b, j, out int lb);
            if (ca != cb) return ca.CompareTo(cb);
            i += la;
            j += lb;
        }
        return (a.Length - i).CompareTo(b.Length - j);
    }

    public static int CodePointAt(string s, int i, out int length)
    {
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(s[i], s[i + 1]);
        }
        length = 1;
        return s[i];
    }

    // ---- arithmetic ----

    public static object? Binary(string op, object? a, object? b) => op switch
    {
        "+" => Add(a, b),
        "-" => Subtract(a, b),
        "*" => Multiply(a, b),
        "/" => Divide(a, b),
        "//" => FloorDivide(a, b),
        "%" => Modulo(a, b),
        "**" => Power(a, b),
        _ => throw new InvalidOperationException(op),
    };

    private static JinjaError Unsupported(string op, object? a, object? b) =>
        JinjaError.Type($"unsupported operand type(s) for {op}: '{TypeName(a)}' and '{TypeName(b)}'");

    public static object? Add(object? a, object? b)
    {
        Defined(a);
        Defined(b);
        if (IsNumber(a) && IsNumber(b))
            return a is double || b is double ? ToFloat(a) + ToFloat(b) : CheckInt(ToInt(a) + ToInt(b));
        switch (a)
        {
            case string sa:
                if (b is string sb) return CheckString(string.Concat(sa, sb));
                throw JinjaError.Type($"can only concatenate str (not \"{TypeName(b)}\") to str");
            case PyList { Kind: SequenceKind.List or SequenceKind.Tuple } la:
                if (b is PyList lb && lb.Kind == la.Kind)
                {
                    if ((long)la.Items.Count + lb.Items.Count > JinjaLimits.MaxItems) throw JinjaError.Limit($"list longer than {JinjaLimits.MaxItems:N0} items");
                    return new PyList([.. la.Items, .. lb.Items], la.Kind);
                }
                throw JinjaError.Type($"can only concatenate {la.TypeName} (not \"{TypeName(b)}\") to {la.TypeName}");
        }
        throw Unsupported("+", a, b);
    }

    public static object? Subtract(object? a, object? b)
    {
        Defined(a);
        Defined(b);
        if (IsNumber(a) && IsNumber(b))
            return a is double || b is double ? ToFloat(a) - ToFloat(b) : CheckInt(ToInt(a) - ToInt(b));
        throw Unsupported("-", a, b);
    }

    public static object? Multiply(object? a, object? b)
    {
        Defined(a);
        Defined(b);
        if (IsNumber(a) && IsNumber(b))
            return a is double || b is double ? ToFloat(a) * ToFloat(b) : CheckInt(ToInt(a) * ToInt(b));
        if (a is string or PyList && b is not (string or PyList)) return Repeat(a, b);
        if (b is string or PyList && a is not (string or PyList)) return Repeat(b, a);
        throw Unsupported("*", a, b);
    }

    private static object? Repeat(object? sequence, object? count)
    {
        if (sequence is PyList { Kind: not (SequenceKind.List or SequenceKind.Tuple) }) throw Unsupported("*", sequence, count);
        if (count is not (bool or BigInteger)) throw JinjaError.Type($"can't multiply sequence by non-int of type '{TypeName(count)}'");
        var n = ToInt(count);
        if (n.Sign <= 0) return sequence is string ? "" : new PyList([], ((PyList)sequence!).Kind);
        if (sequence is string s)
        {
            if (s.Length == 0) return "";
            if (n * s.Length > JinjaLimits.MaxOutputChars) throw JinjaError.Limit($"string longer than {JinjaLimits.MaxOutputChars:N0} characters");
            return string.Create(s.Length * (int)n, s, static (span, text) =>
            {
                text.CopyTo(span);
                for (int filled = text.Length; filled < span.Length; filled *= 2)
                    span[..Math.Min(filled, span.Length - filled)].CopyTo(span[filled..]);
            });
        }
        var l = (PyList)sequence!;
        if (l.Items.Count == 0) return new PyList([], l.Kind);
        if (n * l.Items.Count > JinjaLimits.MaxItems) throw JinjaError.Limit($"list longer than {JinjaLimits.MaxItems:N0} items");
        var items = new List<object?>();
        for (int i = 0; i < (int)n; i++) items.AddRange(l.Items);
        return new PyList(items, l.Kind);
    }

    public static object? Divide(object? a, object? b)
    {
        Defined(a);
        Defined(b);
        if (!IsNumber(a) || !IsNumber(b)) throw Unsupported("/", a, b);
        if (a is double || b is double)
        {
            double y = ToFloat(b);
            if (y == 0.0) throw JinjaError.Value("float division by zero");
            return ToFloat(a) / y;
        }
        BigInteger ia = ToInt(a), ib = ToInt(b);
        if (ib.IsZero) throw JinjaError.Value("division by zero");
        double r = (double)ia / (double)ib;
        if (double.IsNaN(r) || double.IsInfinity(r))
        {
            // Both operands are huge: scale them down together.
            int shift = (int)Math.Max(ia.GetBitLength(), ib.GetBitLength()) - 1000;
            r = (double)(ia >> shift) / (double)(ib >> shift);
            if (double.IsInfinity(r) || double.IsNaN(r)) throw JinjaError.Value("integer division result too large for a float");
        }
        return r;
    }

    public static object? FloorDivide(object? a, object? b)
    {
        Defined(a);
        Defined(b);
        if (!IsNumber(a) || !IsNumber(b)) throw Unsupported("//", a, b);
        if (a is double || b is double)
        {
            double x = ToFloat(a), y = ToFloat(b);
            if (y == 0.0) throw JinjaError.Value("float floor division by zero");
            return FloatDivMod(x, y).Div;
        }
        BigInteger ia = ToInt(a), ib = ToInt(b);
        if (ib.IsZero) throw JinjaError.Value("integer division or modulo by zero");
        var q = BigInteger.DivRem(ia, ib, out var rem);
        if (!rem.IsZero && (rem.Sign < 0) != (ib.Sign < 0)) q -= 1;
        return q;
    }

    public static object? Modulo(object? a, object? b)
    {
        if (a is string)
            throw JinjaError.Unsupported("printf-style string formatting ('...' % values) is not supported by Sodalite; use ~ to concatenate");
        Defined(a);
        Defined(b);
        if (!IsNumber(a) || !IsNumber(b)) throw Unsupported("%", a, b);
        if (a is double || b is double)
        {
            double x = ToFloat(a), y = ToFloat(b);
            if (y == 0.0) throw JinjaError.Value("float modulo");
            return FloatDivMod(x, y).Mod;
        }
        BigInteger ia = ToInt(a), ib = ToInt(b);
        if (ib.IsZero) throw JinjaError.Value("integer modulo by zero");
        var r = BigInteger.Remainder(ia, ib);
        if (!r.IsZero && (r.Sign < 0) != (ib.Sign < 0)) r += ib;
        return r;
    }

    /// <summary>Python's float divmod: the modulo takes the sign of the divisor, the quotient is floored.</summary>
    private static (double Div, double Mod) FloatDivMod(double x, double y)
    {
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0.0)
        {
            if ((y < 0) != (mod < 0))
            {
                mod += y;
                div -= 1.0;
            }
        }
        else mod = Math.CopySign(0.0, y);
        double floorDiv;
        if (div != 0.0)
        {
            floorDiv = Math.Floor(div);
            if (div - floorDiv > 0.5) floorDiv += 1.0;
        }
        else floorDiv = Math.CopySign(0.0, x / y);
        return (floorDiv, mod);
    }

    public static object? Power(object? a, object? b)
    {
        Defined(a);
        Defined(b);
        if (!IsNumber(a) || !IsNumber(b)) throw Unsupported("** or pow()", a, b);
        if (a is not double && b is not double)
        {
            BigInteger ia = ToInt(a), ib = ToInt(b);
            if (ib.Sign >= 0)
            {
                if (ia.IsZero || ia.IsOne || ib.IsZero) return ib.IsZero ? BigInteger.One : ia;
                if (ia == BigInteger.MinusOne) return ib.IsEven ? BigInteger.One : BigInteger.MinusOne;
                if ((double)ia.GetBitLength() * (double)ib > JinjaLimits.MaxIntegerBits + 64)
                    throw JinjaError.Limit($"integer result larger than {JinjaLimits.MaxIntegerBits} bits");
                return CheckInt(BigInteger.Pow(ia, (int)ib));
            }
            if (ia.IsZero) throw JinjaError.Value("0.0 cannot be raised to a negative power");
        }
        double x = ToFloat(a), y = ToFloat(b);
        if (x == 0.0 && y < 0) throw JinjaError.Value("0.0 cannot be raised to a negative power");
        if (x < 0 && double.IsFinite(y) && Math.Floor(y) != y)
            throw JinjaError.Unsupported("a negative number raised to a fractional power is a complex number, which Sodalite does not support");
        double r = Math.Pow(x, y);
        if (double.IsInfinity(r) && double.IsFinite(x) && double.IsFinite(y)) throw JinjaError.Value("(34, 'Numerical result out of range')");
        return r;
    }

    public static object? Negate(object? v)
    {
        Defined(v);
        return v switch
        {
            bool or BigInteger => -ToInt(v),
            double d => -d,
            _ => throw JinjaError.Type($"bad operand type for unary -: '{TypeName(v)}'"),
        };
    }

    public static object? Plus(object? v)
    {
        Defined(v);
        return v switch
        {
            bool or BigInteger => ToInt(v),
            double d => d,
            _ => throw JinjaError.Type($"bad operand type for unary +: '{TypeName(v)}'"),
        };
    }

    // ---- containers ----

    /// <summary>Python's item in container.</summary>
    public static bool Contains(object? container, object? item)
    {
        switch (container)
        {
            case Undefined: return false;
            case string s:
                if (item is not string sub) throw JinjaError.Type($"'in <string>' requires string as left operand, not {TypeName(item)}");
                return s.Contains(sub, StringComparison.Ordinal);
            case PyList l:
                foreach (var x in l.Items)
                    if (Equal(x, item)) return true;
                return false;
            case PyDict d: return d.TryGet(item, out _);
            case PyRange r:
                if (item is not (bool or BigInteger or double)) return false;
                foreach (var x in r.Items())
                    if (Equal(x, item)) return true;
                return false;
            default:
                throw JinjaError.Type($"argument of type '{TypeName(container)}' is not iterable");
        }
    }

    /// <summary>Python's iter(): a string gives its characters, a dict its keys, Undefined nothing.</summary>
    public static IEnumerable<object?> Iterate(object? v) => v switch
    {
        Undefined => [],
        string s => CodePoints(s),
        PyList l => l.Items,
        PyDict d => d.Keys,
        PyRange r => r.Items(),
        _ => throw JinjaError.Type($"'{TypeName(v)}' object is not iterable"),
    };

    /// <summary>Python's list(v), bounded by the item limit.</summary>
    public static List<object?> ToList(object? v)
    {
        var items = new List<object?>();
        foreach (var x in Iterate(v))
        {
            if (items.Count >= JinjaLimits.MaxItems) throw JinjaError.Limit($"list longer than {JinjaLimits.MaxItems:N0} items");
            items.Add(x);
        }
        return items;
    }

    public static long Length(object? v) => v switch
    {
        Undefined => 0,
        string s => CodePointCount(s),
        PyList l => l.Items.Count,
        PyDict d => d.Count,
        PyRange r => r.Count,
        _ => throw JinjaError.Type($"object of type '{TypeName(v)}' has no len()"),
    };

    // ---- strings as code points ----

    public static bool HasSurrogates(string s)
    {
        foreach (char c in s)
            if (char.IsSurrogate(c)) return true;
        return false;
    }

    public static int CodePointCount(string s)
    {
        if (!HasSurrogates(s)) return s.Length;
        int n = 0;
        for (int i = 0; i < s.Length; i++, n++)
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
        return n;
    }

    /// <summary>The characters of a string as Python sees them (a surrogate pair is one character).</summary>
    public static List<object?> CodePoints(string s)
    {
        var list = new List<object?>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                list.Add(s.Substring(i, 2));
                i++;
            }
            else list.Add(s[i].ToString());
        }
        return list;
    }
}
