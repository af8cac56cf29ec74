// Splits a template into text and tags the way Jinja2's lexer does with Soda's delimiters:
// ${ ... } prints, {% ... %} is a statement, {# ... #} a comment, {% raw %} ... {% endraw %} verbatim.
// A '-' right inside a delimiter strips the whitespace on that side; '+' is accepted and changes nothing.
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Sodalite.SodaCL.Variables;

internal enum TokenKind { Data, VariableBegin, VariableEnd, BlockBegin, BlockEnd, Name, String, Integer, Float, Operator, End }

internal readonly record struct Token(TokenKind Kind, string Text, int Position, object? Value = null)
{
    /// <summary>How Jinja names the token in its error messages.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.Name or TokenKind.Operator => Text,
        TokenKind.String => "string",
        TokenKind.Integer => "integer",
        TokenKind.Float => "float",
        TokenKind.VariableBegin => "begin of print statement",
        TokenKind.VariableEnd => "end of print statement",
        TokenKind.BlockBegin => "begin of statement block",
        TokenKind.BlockEnd => "end of statement block",
        TokenKind.Data => "template data / text",
        _ => "end of template",
    };
}

internal sealed class JinjaLexer
{
    private static readonly string[] TwoCharOperators = ["**", "//", "==", "!=", ">=", "<="];
    private const string OneCharOperators = "+-/*%~[](){}><=.:|,;";

    private readonly string _src;
    private readonly List<Token> _tokens = [];
    private bool _stripNext;

    private JinjaLexer(string source) => _src = source;

    /// <summary>The tokens of a template whose newlines are already normalized to \n.</summary>
    public static List<Token> Tokenize(string source)
    {
        var lexer = new JinjaLexer(source);
        lexer.Run();
        return lexer._tokens;
    }

    private JinjaException Error(string message, int tagStart) =>
        JinjaDiagnostics.Exception(_src, tagStart, -1, JinjaErrorKind.Syntax, message);

    private void Run()
    {
        int n = _src.Length, pos = 0;
        while (pos < n)
        {
            int idx = FindTagStart(pos);
            string data = _src[pos..(idx < 0 ? n : idx)];
            if (_stripNext) data = PyText.LStrip(data, null);
            _stripNext = false;
            if (idx < 0)
            {
                EmitData(data, pos);
                break;
            }
            char kind = _src[idx] == '$' ? 'v' : _src[idx + 1] == '%' ? 'b' : 'c';
            int p = idx + 2;
            char modifier = p < n && _src[p] is '-' or '+' ? _src[p] : '\0';
            if (modifier == '-') data = PyText.RStrip(data, null);
            EmitData(data, pos);
            if (kind == 'b' && TryRaw(idx, out int afterRaw))
            {
                pos = afterRaw;
                continue;
            }
            if (modifier != '\0') p++;
            switch (kind)
            {
                case 'c':
                    {
                        if (p >= n)
                        {
                            pos = n; // Jinja accepts a comment opened at the very end
                            break;
                        }
                        int end = _src.IndexOf("#}", p, StringComparison.Ordinal);
                        if (end < 0) throw Error("Missing end of comment tag", idx);
                        if (end > p && _src[end - 1] == '-') _stripNext = true;
                        pos = end + 2;
                        break;
                    }
                case 'b':
                    _tokens.Add(new Token(TokenKind.BlockBegin, "{%", idx));
                    pos = LexTag(p, idx, block: true);
                    break;
                default:
                    _tokens.Add(new Token(TokenKind.VariableBegin, "${", idx));
                    pos = LexTag(p, idx, block: false);
                    break;
            }
        }
        _tokens.Add(new Token(TokenKind.End, "", n));
    }

    private void EmitData(string data, int pos)
    {
        if (data.Length > 0) _tokens.Add(new Token(TokenKind.Data, data, pos));
    }

    private int FindTagStart(int from)
    {
        for (int i = from; i + 1 < _src.Length; i++)
        {
            char c = _src[i], next = _src[i + 1];
            if ((c == '$' && next == '{') || (c == '{' && next is '%' or '#')) return i;
        }
        return -1;
    }

    /// <summary>{% raw %} ... {% endraw %}: the text between is data, not template.</summary>
    private bool TryRaw(int idx, out int after)
    {
        after = 0;
        if (!MatchTag(idx, "raw", out _, out int contentStart, out bool stripAfter)) return false;
        if (stripAfter) while (contentStart < _src.Length && PyText.IsSpace(_src[contentStart])) contentStart++;
        if (contentStart >= _src.Length)
        {
            after = contentStart; // Jinja accepts a raw block opened at the very end
            return true;
        }
        int search = contentStart;
        while (true)
        {
            int end = _src.IndexOf("{%", search, StringComparison.Ordinal);
            if (end < 0) throw Error("Missing end of raw directive", idx);
            if (MatchTag(end, "endraw", out char modifier, out int afterEnd, out bool stripAfterEnd))
            {
                int start = contentStart;
                string content = _src[start..end];
                if (modifier == '-') content = PyText.RStrip(content, null);
                EmitData(content, start);
                _stripNext = stripAfterEnd;
                after = afterEnd;
                return true;
            }
            search = end + 2;
        }
    }

    /// <summary>Matches {%[-+]? WORD [-+]?%} at <paramref name="at"/>.</summary>
    private bool MatchTag(int at, string word, out char beginModifier, out int after, out bool stripAfter)
    {
        beginModifier = '\0';
        after = 0;
        stripAfter = false;
        int p = at + 2, n = _src.Length;
        if (p < n && _src[p] is '-' or '+') beginModifier = _src[p++];
        while (p < n && PyText.IsSpace(_src[p])) p++;
        if (!At(p, word)) return false;
        p += word.Length;
        if (p < n && IsNameChar(_src[p])) return false;
        while (p < n && PyText.IsSpace(_src[p])) p++;
        if (p < n && _src[p] is '-' or '+')
        {
            stripAfter = _src[p] == '-';
            p++;
        }
        if (p + 1 >= n || _src[p] != '%' || _src[p + 1] != '}') return false;
        after = p + 2;
        return true;
    }

    /// <summary>The tokens inside one ${ } or {% %}; returns the position after its end delimiter.</summary>
    private int LexTag(int p, int tagStart, bool block)
    {
        var brackets = new Stack<char>();
        int n = _src.Length;
        while (true)
        {
            while (p < n && PyText.IsSpace(_src[p])) p++;
            if (p >= n) return n;
            if (brackets.Count == 0)
            {
                if (block)
                {
                    if (At(p, "-%}") || At(p, "+%}") || At(p, "%}"))
                    {
                        int len = _src[p] == '%' ? 2 : 3;
                        _tokens.Add(new Token(TokenKind.BlockEnd, "%}", p));
                        _stripNext = _src[p] == '-';
                        return p + len;
                    }
                }
                else if (At(p, "-}") || _src[p] == '}')
                {
                    int len = _src[p] == '}' ? 1 : 2;
                    _tokens.Add(new Token(TokenKind.VariableEnd, "}", p));
                    _stripNext = len == 2;
                    return p + len;
                }
            }
            char c = _src[p];
            if (char.IsLetter(c) || c == '_')
            {
                int start = p;
                while (p < n && IsNameChar(_src[p])) p++;
                _tokens.Add(new Token(TokenKind.Name, _src[start..p], start));
            }
            else if (c is >= '0' and <= '9') p = LexNumber(p);
            else if (c is '\'' or '"') p = LexString(p, tagStart);
            else
            {
                string? op = null;
                if (p + 1 < n)
                {
                    foreach (string two in TwoCharOperators)
                    {
                        if (two[0] == c && two[1] == _src[p + 1])
                        {
                            op = two;
                            break;
                        }
                    }
                }
                if (op is null && OneCharOperators.Contains(c)) op = OneCharOperator(c);
                if (op is null) throw Error($"unexpected char {PyFormat.StringRepr(c.ToString())} at {p}", tagStart);
                if (op is "(" or "[" or "{") brackets.Push(op[0]);
                else if (op is ")" or "]" or "}")
                {
                    if (brackets.Count == 0) throw Error($"unexpected '{op}'", tagStart);
                    char expected = brackets.Pop() switch { '(' => ')', '[' => ']', _ => '}' };
                    if (op[0] != expected) throw Error($"unexpected '{op}', expected '{expected}'", tagStart);
                }
                _tokens.Add(new Token(TokenKind.Operator, op, p));
                p += op.Length;
            }
        }
    }

    private static readonly string[] OneCharStrings = [.. OneCharOperators.Select(c => c.ToString())];

    private static string OneCharOperator(char c) => OneCharStrings[OneCharOperators.IndexOf(c)];

    private bool At(int p, string s) => _src.AsSpan(p).StartsWith(s, StringComparison.Ordinal);

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_'
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>Digits with single underscores between them, from <paramref name="p"/>; returns the end.</summary>
    private int DigitGroup(int p, Func<char, bool> isDigit)
    {
        int n = _src.Length;
        while (p < n && isDigit(_src[p]))
        {
            p++;
            if (p + 1 < n && _src[p] == '_' && isDigit(_src[p + 1])) p++;
        }
        return p;
    }

    private int LexNumber(int p)
    {
        int n = _src.Length, start = p;
        if (_src[p] == '0' && p + 1 < n)
        {
            int numberBase = char.ToLowerInvariant(_src[p + 1]) switch { 'x' => 16, 'o' => 8, 'b' => 2, _ => 0 };
            if (numberBase != 0)
            {
                Func<char, bool> isDigit = numberBase switch
                {
                    16 => char.IsAsciiHexDigit,
                    8 => c => c is >= '0' and <= '7',
                    _ => c => c is '0' or '1',
                };
                int q = p + 2;
                if (q < n && _src[q] == '_' && q + 1 < n && isDigit(_src[q + 1])) q++;
                if (q < n && isDigit(_src[q]))
                {
                    int end = DigitGroup(q, isDigit);
                    var value = BigInteger.Zero;
                    foreach (char c in _src[(p + 2)..end])
                        if (c != '_') value = value * numberBase + Convert.ToInt32(c.ToString(), 16);
                    _tokens.Add(new Token(TokenKind.Integer, _src[start..end], start, value));
                    return end;
                }
            }
        }
        int intEnd = DigitGroup(p, IsDigit), e = intEnd;
        bool isFloat = false;
        if (e + 1 < n && _src[e] == '.' && IsDigit(_src[e + 1]))
        {
            e = DigitGroup(e + 1, IsDigit);
            isFloat = true;
        }
        if (e < n && _src[e] is 'e' or 'E')
        {
            int r = e + 1;
            if (r < n && _src[r] is '+' or '-') r++;
            if (r < n && IsDigit(_src[r]))
            {
                e = DigitGroup(r, IsDigit);
                isFloat = true;
            }
        }
        if (isFloat)
        {
            string text = _src[start..e];
            double d = double.Parse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture);
            _tokens.Add(new Token(TokenKind.Float, text, start, d));
            return e;
        }
        if (_src[p] == '0')
        {
            // Jinja reads 010 as the integer 0 followed by the integer 10 (a syntax error later).
            intEnd = p + 1;
            while (intEnd < n && (_src[intEnd] == '0' || (_src[intEnd] == '_' && intEnd + 1 < n && _src[intEnd + 1] == '0'))) intEnd++;
        }
        string digits = _src[start..intEnd];
        _tokens.Add(new Token(TokenKind.Integer, digits, start, BigInteger.Parse(digits.Replace("_", ""), CultureInfo.InvariantCulture)));
        return intEnd;
    }

    private int LexString(int p, int tagStart)
    {
        char quote = _src[p];
        int q = p + 1, n = _src.Length;
        while (q < n && _src[q] != quote) q += _src[q] == '\\' ? 2 : 1;
        if (q >= n) throw Error($"unexpected char {PyFormat.StringRepr(quote.ToString())} at {p}", tagStart);
        string value = Unescape(_src[(p + 1)..q], tagStart);
        _tokens.Add(new Token(TokenKind.String, _src[p..(q + 1)], p, value));
        return q + 1;
    }

    /// <summary>Python's backslash escapes in a string literal (unicode-escape); unknown escapes stay as written.</summary>
    private string Unescape(string s, int tagStart)
    {
        if (!s.Contains('\\')) return s;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c != '\\' || i + 1 >= s.Length)
            {
                sb.Append(c);
                continue;
            }
            char e = s[++i];
            switch (e)
            {
                case '\n': break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case >= '0' and <= '7':
                    {
                        int value = e - '0', count = 1;
                        while (count < 3 && i + 1 < s.Length && s[i + 1] is >= '0' and <= '7')
                        {
                            value = value * 8 + (s[++i] - '0');
                            count++;
                        }
                        sb.Append((char)value);
                        break;
                    }
                case 'x' or 'u' or 'U':
                    {
                        int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                        string name = e == 'x' ? @"\xXX" : e == 'u' ? @"\uXXXX" : @"\UXXXXXXXX";
                        string hex = s.Substring(i + 1, Math.Min(len, s.Length - i - 1));
                        if (hex.Length < len || !hex.All(char.IsAsciiHexDigit)) throw Error($"truncated {name} escape", tagStart);
                        int cp = int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        if (cp > 0x10FFFF || cp < 0) throw Error("illegal Unicode character", tagStart);
                        sb.Append(cp is >= 0xD800 and <= 0xDFFF ? ((char)cp).ToString() : char.ConvertFromUtf32(cp));
                        i += len;
                        break;
                    }
                case 'N':
                    throw JinjaDiagnostics.Exception(_src, tagStart, -1, JinjaErrorKind.Unsupported,
                        @"\N{...} escapes (characters by Unicode name) are not supported by Sodalite; use \u or \U with the code point");
                default:
                    sb.Append('\\').Append(e);
                    break;
            }
        }
        return sb.ToString();
    }
}
