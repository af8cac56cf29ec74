// Python's str operations that Jinja filters and string methods use: whitespace, strip, case mapping,
// split, replace. Case mapping is .NET's invariant one plus the special cases Python applies most often
// (ß -> SS, ligatures, final sigma, the title-case digraphs).
using System.Globalization;
using System.Text;

namespace Sodalite.SodaCL.Variables;

internal static class PyText
{
    /// <summary>Python's str.isspace for one character.</summary>
    public static bool IsSpace(char c) => c switch
    {
        >= '\t' and <= '\r' => true,
        >= '\x1c' and <= ' ' => true,
        '\x85' or '\xa0' or '\u1680' or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' => true,
        >= '\u2000' and <= '\u200a' => true,
        _ => false,
    };

    public static string Strip(string s, string? chars) => RStrip(LStrip(s, chars), chars);

    public static string LStrip(string s, string? chars)
    {
        int i = 0;
        while (i < s.Length && (chars is null ? IsSpace(s[i]) : chars.Contains(s[i]))) i++;
        return s[i..];
    }

    public static string RStrip(string s, string? chars)
    {
        int i = s.Length;
        while (i > 0 && (chars is null ? IsSpace(s[i - 1]) : chars.Contains(s[i - 1]))) i--;
        return s[..i];
    }

    public static string Upper(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s) sb.Append(UpperOf(c));
        return sb.ToString();
    }

    private static string UpperOf(char c) => c switch
    {
        'ß' => "SS",
        'ŉ' => "\u02bcN",
        'ﬀ' => "FF",
        'ﬁ' => "FI",
        'ﬂ' => "FL",
        'ﬃ' => "FFI",
        'ﬄ' => "FFL",
        'ﬅ' or 'ﬆ' => "ST",
        _ => char.ToUpperInvariant(c).ToString(),
    };

    public static string Lower(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++) sb.Append(LowerAt(s, i));
        return sb.ToString();
    }

    /// <summary>The lower case of s[i], with Python's special cases: İ becomes i + combining dot, and a
    /// capital sigma ending a word (a cased letter before it, none after) becomes the final sigma ς.</summary>
    private static string LowerAt(string s, int i, int from = 0) => s[i] switch
    {
        'İ' => "i\u0307",
        'Σ' when i > from && IsCased(s[i - 1]) && (i + 1 >= s.Length || !IsCased(s[i + 1])) => "ς",
        var c => char.ToLowerInvariant(c).ToString(),
    };

    private static string TitleOf(char c) => c switch
    {
        'Ǆ' or 'ǅ' or 'ǆ' => "ǅ",
        'Ǉ' or 'ǈ' or 'ǉ' => "ǈ",
        'Ǌ' or 'ǋ' or 'ǌ' => "ǋ",
        'Ǳ' or 'ǲ' or 'ǳ' => "ǲ",
        'ß' => "Ss",
        _ => UpperOf(c),
    };

    /// <summary>Python's "cased" characters: upper-, lower- and title-case letters.</summary>
    public static bool IsCased(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    /// <summary>Python's str.capitalize: the first character in title case, the rest lower case.</summary>
    public static string Capitalize(string s)
    {
        if (s.Length == 0) return s;
        var sb = new StringBuilder(TitleOf(s[0]), s.Length);
        for (int i = 1; i < s.Length; i++) sb.Append(LowerAt(s, i));
        return sb.ToString();
    }

    /// <summary>Python's str.title: a cased character after an uncased one is title-cased, others lower-cased.</summary>
    public static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool previousCased = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (IsCased(c))
            {
                sb.Append(previousCased ? LowerAt(s, i) : TitleOf(c));
                previousCased = true;
            }
            else
            {
                sb.Append(c);
                previousCased = false;
            }
        }
        return sb.ToString();
    }

    /// <summary>Jinja's title filter: the first character of each word upper-cased, the rest lower-cased,
    /// where words start the text or follow a run of whitespace or one of - ( { [ &lt;.</summary>
    public static string JinjaTitle(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool wordStart = true;
        int restStart = 0; // Jinja lower-cases each word after its first character as a text of its own
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool separator = IsSpace(c) || c is '-' or '(' or '{' or '[' or '<';
            if (separator) sb.Append(c);
            else if (wordStart)
            {
                sb.Append(UpperOf(c));
                restStart = i + 1;
            }
            else sb.Append(LowerAt(s, i, restStart));
            wordStart = separator;
        }
        return sb.ToString();
    }

    public static bool IsLower(string s)
    {
        bool cased = false;
        foreach (char c in s)
        {
            if (char.IsUpper(c) || char.GetUnicodeCategory(c) == UnicodeCategory.TitlecaseLetter) return false;
            if (char.IsLower(c)) cased = true;
        }
        return cased;
    }

    public static bool IsUpper(string s)
    {
        bool cased = false;
        foreach (char c in s)
        {
            if (char.IsLower(c) || char.GetUnicodeCategory(c) == UnicodeCategory.TitlecaseLetter) return false;
            if (char.IsUpper(c)) cased = true;
        }
        return cased;
    }

    /// <summary>Python's str.replace(old, new, count); a negative count replaces all.</summary>
    public static string Replace(string s, string old, string @new, long count)
    {
        if (count < 0) count = long.MaxValue;
        var sb = new StringBuilder();
        if (old.Length == 0)
        {
            var chars = PyOps.CodePoints(s);
            long n = 0;
            foreach (var ch in chars)
            {
                if (n++ < count) Append(sb, @new);
                Append(sb, (string)ch!);
            }
            if (n < count) Append(sb, @new);
            return sb.ToString();
        }
        int start = 0;
        for (long done = 0; done < count; done++)
        {
            int at = s.IndexOf(old, start, StringComparison.Ordinal);
            if (at < 0) break;
            Append(sb, s.AsSpan(start, at - start).ToString());
            Append(sb, @new);
            start = at + old.Length;
        }
        Append(sb, s[start..]);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string s)
    {
        if (sb.Length + (long)s.Length > JinjaLimits.MaxOutputChars)
            throw JinjaError.Limit($"string longer than {JinjaLimits.MaxOutputChars:N0} characters");
        sb.Append(s);
    }

    /// <summary>Python's str.split(sep, maxsplit): by whitespace runs when sep is null.</summary>
    public static List<object?> Split(string s, string? sep, long maxsplit)
    {
        if (maxsplit < 0) maxsplit = long.MaxValue;
        var parts = new List<object?>();
        if (sep is null)
        {
            int i = 0;
            while (true)
            {
                while (i < s.Length && IsSpace(s[i])) i++;
                if (i >= s.Length) break;
                if (parts.Count >= maxsplit)
                {
                    parts.Add(s[i..]);
                    break;
                }
                int start = i;
                while (i < s.Length && !IsSpace(s[i])) i++;
                parts.Add(s[start..i]);
            }
            return parts;
        }
        if (sep.Length == 0) throw JinjaError.Value("empty separator");
        int from = 0;
        while (parts.Count < maxsplit)
        {
            int at = s.IndexOf(sep, from, StringComparison.Ordinal);
            if (at < 0) break;
            parts.Add(s[from..at]);
            from = at + sep.Length;
        }
        parts.Add(s[from..]);
        return parts;
    }

    /// <summary>Python's str.count(sub): non-overlapping occurrences.</summary>
    public static long Count(string s, string sub)
    {
        if (sub.Length == 0) return PyOps.CodePointCount(s) + 1;
        long n = 0;
        for (int at = s.IndexOf(sub, StringComparison.Ordinal); at >= 0; at = s.IndexOf(sub, at + sub.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    /// <summary>Python's str.find(sub): the index in characters (code points), or -1.</summary>
    public static long Find(string s, string sub)
    {
        int at = s.IndexOf(sub, StringComparison.Ordinal);
        return at < 0 ? -1 : PyOps.CodePointCount(s[..at]);
    }
}
