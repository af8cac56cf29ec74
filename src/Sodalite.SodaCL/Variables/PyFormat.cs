// Python's str() and repr() of the values Jinja computes with: what ${ ... } prints.
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Sodalite.SodaCL.Variables;

internal static class PyFormat
{
    /// <summary>Python's str(v), which is what Jinja prints; Undefined prints as "".</summary>
    public static string Str(object? v) => v switch
    {
        string s => s,
        null => "None",
        bool b => b ? "True" : "False",
        BigInteger i => i.ToString(CultureInfo.InvariantCulture),
        double d => Float(d),
        Undefined => "",
        LoopContext l => $"<LoopContext {l.Index0 + 1}/{l.Length}>",
        PyCallable c => throw JinjaError.Unsupported(
            $"cannot print the {c.TypeName} '{c.Name}' (Jinja would print its memory address); call it with ( )"),
        _ => Repr(v, 0),
    };

    /// <summary>Python's repr(v), used for the items of printed lists, tuples and dicts.</summary>
    public static string Repr(object? v) => Repr(v, 0);

    private static string Repr(object? v, int depth)
    {
        if (depth > JinjaLimits.MaxValueDepth) throw JinjaError.Limit("values nested too deeply to print");
        switch (v)
        {
            case string s: return StringRepr(s);
            case Undefined: return "Undefined";
            case PyRange r: return r.Step == 1 ? $"range({r.Start}, {r.Stop})" : $"range({r.Start}, {r.Stop}, {r.Step})";
            case PyList l:
                {
                    var sb = new StringBuilder();
                    string items = string.Join(", ", l.Items.Select(x => Repr(x, depth + 1)));
                    switch (l.Kind)
                    {
                        case SequenceKind.List: sb.Append('[').Append(items).Append(']'); break;
                        case SequenceKind.Tuple: sb.Append('(').Append(items).Append(l.Items.Count == 1 ? ",)" : ")"); break;
                        default: sb.Append(l.TypeName).Append("([").Append(items).Append("])"); break;
                    }
                    return sb.ToString();
                }
            case PyDict d:
                {
                    var sb = new StringBuilder("{");
                    for (int i = 0; i < d.Count; i++)
                    {
                        if (i > 0) sb.Append(", ");
                        sb.Append(Repr(d.Keys[i], depth + 1)).Append(": ").Append(Repr(d.Values[i], depth + 1));
                    }
                    return sb.Append('}').ToString();
                }
            default: return Str(v);
        }
    }

    /// <summary>Python's repr of a float: the shortest text that reads back as the same double.</summary>
    public static string Float(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
        string r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E');
        int exp = e >= 0 ? int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        string mantissa = e >= 0 ? r[..e] : r;
        int dot = mantissa.IndexOf('.');
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int decpt = (dot < 0 ? mantissa.Length : dot) + exp;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        digits = digits[lead..].TrimEnd('0');
        decpt -= lead;
        if (digits.Length == 0) digits = "0";
        string sign = d < 0 ? "-" : "";
        if (decpt > -4 && decpt <= 16)
        {
            if (decpt <= 0) return sign + "0." + new string('0', -decpt) + digits;
            if (decpt >= digits.Length) return sign + digits + new string('0', decpt - digits.Length) + ".0";
            return sign + digits[..decpt] + "." + digits[decpt..];
        }
        string m = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        int x = decpt - 1;
        return sign + m + "e" + (x < 0 ? "-" : "+") + Math.Abs(x).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Python's repr of a str: single quotes unless the text has ' and no ", escapes for the unprintable.</summary>
    public static string StringRepr(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2).Append(quote);
        for (int i = 0; i < s.Length; i++)
        {
            int c = PyOps.CodePointAt(s, i, out int len);
            if (len == 2) i++;
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\t': sb.Append(@"\t"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(quote);
                    else if (c < 0x20 || c == 0x7f) sb.Append(CultureInfo.InvariantCulture, $"\\x{c:x2}");
                    else if (c < 0x7f || IsPrintable(c)) sb.Append(FromCodePoint(c));
                    else if (c <= 0xff) sb.Append(CultureInfo.InvariantCulture, $"\\x{c:x2}");
                    else if (c <= 0xffff) sb.Append(CultureInfo.InvariantCulture, $"\\u{c:x4}");
                    else sb.Append(CultureInfo.InvariantCulture, $"\\U{c:x8}");
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }

    private static string FromCodePoint(int c) => c is >= 0xD800 and <= 0xDFFF ? ((char)c).ToString() : char.ConvertFromUtf32(c);

    private static bool IsPrintable(int c)
    {
        if (c is >= 0xD800 and <= 0xDFFF) return false;
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }
}
