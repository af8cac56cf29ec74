// Python's number conversions and rounding: int(text, base), float(text), int(x), round(x, n).
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Sodalite.SodaCL.Variables;

internal static class PyNumbers
{
    /// <summary>Python refuses to convert decimal texts longer than this to int (sys.int_info.default_max_str_digits).</summary>
    private const int MaxIntDigits = 4300;

    /// <summary>Python's int(text, base): whitespace around, a sign, a 0x/0o/0b prefix, _ between digits.</summary>
    public static bool TryParseInt(string text, int numberBase, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (numberBase != 0 && (numberBase < 2 || numberBase > 36)) return false;
        string t = PyText.Strip(text, null);
        int i = 0;
        bool negative = false;
        if (i < t.Length && t[i] is '+' or '-')
        {
            negative = t[i] == '-';
            i++;
        }
        bool prefixed = false;
        if (i + 1 < t.Length && t[i] == '0')
        {
            int prefixBase = char.ToLowerInvariant(t[i + 1]) switch { 'x' => 16, 'o' => 8, 'b' => 2, _ => 0 };
            if (prefixBase != 0 && (numberBase == 0 || numberBase == prefixBase))
            {
                numberBase = prefixBase;
                prefixed = true;
                i += 2;
            }
        }
        bool leadingZeroRule = false;
        if (numberBase == 0)
        {
            numberBase = 10;
            leadingZeroRule = true; // base 0 rejects 010 but accepts 0 and 00
        }
        int digits = 0;
        bool lastWasDigit = prefixed; // an underscore may follow a prefix
        bool nonZero = false;
        for (; i < t.Length; i++)
        {
            char c = t[i];
            if (c == '_')
            {
                if (!lastWasDigit) return false;
                lastWasDigit = false;
                continue;
            }
            int d = DigitValue(c);
            if (d < 0 || d >= numberBase) return false;
            if (d != 0) nonZero = true;
            if (leadingZeroRule && digits > 0 && nonZero && value.IsZero) return false;
            value = value * numberBase + d;
            digits++;
            lastWasDigit = true;
            if (digits > MaxIntDigits && (numberBase & (numberBase - 1)) != 0) return false;
            if (digits > MaxIntDigits * 4) return false;
        }
        if (digits == 0 || !lastWasDigit) return false;
        if (negative) value = -value;
        return true;
    }

    private static int DigitValue(char c)
    {
        if (c is >= '0' and <= '9') return c - '0';
        if (c is >= 'a' and <= 'z') return c - 'a' + 10;
        if (c is >= 'A' and <= 'Z') return c - 'A' + 10;
        if (c > 0x7f && char.IsDigit(c)) return CharUnicodeInfo.GetDecimalDigitValue(c);
        return -1;
    }

    /// <summary>Python's float(text): whitespace around, a sign, inf/infinity/nan, _ between digits, an exponent.</summary>
    public static bool TryParseFloat(string text, out double value)
    {
        value = 0;
        string t = PyText.Strip(text, null);
        int i = 0;
        var sb = new StringBuilder();
        if (i < t.Length && t[i] is '+' or '-')
        {
            if (t[i] == '-') sb.Append('-');
            i++;
        }
        string rest = t[i..].ToLowerInvariant();
        if (rest is "inf" or "infinity" or "nan")
        {
            value = rest == "nan" ? double.NaN : double.PositiveInfinity;
            if (sb.Length > 0) value = -value;
            return true;
        }
        int intDigits = ScanDigits(t, ref i, sb);
        if (intDigits < 0) return false;
        int fracDigits = 0;
        if (i < t.Length && t[i] == '.')
        {
            sb.Append('.');
            i++;
            fracDigits = ScanDigits(t, ref i, sb);
            if (fracDigits < 0) return false;
        }
        if (intDigits + fracDigits == 0) return false;
        if (i < t.Length && t[i] is 'e' or 'E')
        {
            sb.Append('E');
            i++;
            if (i < t.Length && t[i] is '+' or '-') sb.Append(t[i++]);
            if (ScanDigits(t, ref i, sb) <= 0) return false;
        }
        if (i != t.Length) return false;
        value = double.Parse(sb.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Digits with single underscores between them; the count, or -1 when an underscore is misplaced.</summary>
    private static int ScanDigits(string t, ref int i, StringBuilder sb)
    {
        int n = 0;
        for (; i < t.Length; i++)
        {
            char c = t[i];
            if (c == '_')
            {
                if (n == 0 || i + 1 >= t.Length || !char.IsDigit(t[i + 1])) return -1;
                continue;
            }
            if (!char.IsDigit(c)) break;
            sb.Append((char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)));
            n++;
        }
        return n;
    }

    /// <summary>Python's int(x) for a number (a float is truncated toward zero).</summary>
    public static BigInteger Truncate(double d)
    {
        if (double.IsNaN(d)) throw JinjaError.Value("cannot convert float NaN to integer");
        if (double.IsInfinity(d)) throw JinjaError.Value("cannot convert float infinity to integer");
        return new BigInteger(Math.Truncate(d));
    }

    /// <summary>Python's round(x) with no ndigits: the nearest int, ties to even.</summary>
    public static BigInteger RoundToInt(double d)
    {
        if (double.IsNaN(d)) throw JinjaError.Value("cannot convert float NaN to integer");
        if (double.IsInfinity(d)) throw JinjaError.Value("cannot convert float infinity to integer");
        return new BigInteger(Math.Round(d, MidpointRounding.ToEven));
    }

    /// <summary>Python's round(x, n) for a float: the exact binary value rounded half-to-even at n decimals.</summary>
    public static double Round(double x, BigInteger ndigits)
    {
        if (!double.IsFinite(x) || x == 0) return x;
        if (ndigits > 323) return x;
        if (ndigits < -308) return Math.CopySign(0.0, x);
        int n = (int)ndigits;
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        int rawExp = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (rawExp == 0) rawExp = 1;
        else mantissa |= 1L << 52;
        int exp = rawExp - 1075;
        BigInteger num = mantissa, den = BigInteger.One;
        if (exp >= 0) num <<= exp;
        else den <<= -exp;
        if (n >= 0) num *= BigInteger.Pow(10, n);
        else den *= BigInteger.Pow(10, -n);
        var q = BigInteger.DivRem(num, den, out var r);
        int c = (r * 2).CompareTo(den);
        if (c > 0 || (c == 0 && !q.IsEven)) q += 1;
        double result = double.Parse(q.ToString(CultureInfo.InvariantCulture) + "E" + (-n).ToString(CultureInfo.InvariantCulture),
            NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(result)) throw JinjaError.Value("rounded value too large to represent");
        return Math.CopySign(result, x);
    }

    /// <summary>Python's round(i, n) for an int: unchanged for n &gt;= 0, else to a multiple of 10**-n, ties to even.</summary>
    public static BigInteger Round(BigInteger i, BigInteger ndigits)
    {
        if (ndigits.Sign >= 0) return i;
        if (-ndigits > 40_000) return BigInteger.Zero; // ints are at most 100,000 bits, about 30,000 digits
        var unit = BigInteger.Pow(10, (int)-ndigits);
        var q = BigInteger.DivRem(BigInteger.Abs(i), unit, out var r);
        int c = (r * 2).CompareTo(unit);
        if (c > 0 || (c == 0 && !q.IsEven)) q += 1;
        return i.Sign < 0 ? -q * unit : q * unit;
    }
}
