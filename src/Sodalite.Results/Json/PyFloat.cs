// Formats doubles the way Python's repr(float) does, which is what json.dump writes.
using System.Globalization;

namespace Sodalite.Results.Json;

public static class PyFloat
{
    /// <summary>Python <c>repr(x)</c>: shortest round-trip digits, ".0" when integral,
    /// exponent form when the decimal exponent is below -4 or at least 16.</summary>
    public static string Repr(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        if (value == 0) return double.IsNegative(value) ? "-0.0" : "0.0";

        // "E16" is not shortest; "R" is shortest round-trip but formats on its own rules,
        // so take its digits and exponent and lay them out as Python does.
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        bool negative = r.StartsWith('-');
        if (negative) r = r[1..];
        int exp = 0;
        int ePos = r.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            exp = int.Parse(r[(ePos + 1)..], CultureInfo.InvariantCulture);
            r = r[..ePos];
        }
        int dot = r.IndexOf('.');
        string intPart = dot >= 0 ? r[..dot] : r;
        string fracPart = dot >= 0 ? r[(dot + 1)..] : "";
        string digits = (intPart + fracPart).TrimStart('0');
        int leadingZeros = (intPart + fracPart).Length - (intPart + fracPart).TrimStart('0').Length;
        // decimal point position: value = 0.DIGITS * 10^decpt
        int decpt = intPart.Length + exp - leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";

        string body;
        int sciExp = decpt - 1;
        if (sciExp < -4 || sciExp >= 16)
        {
            string mant = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            string es = Math.Abs(sciExp).ToString(CultureInfo.InvariantCulture).PadLeft(2, '0');
            body = mant + "e" + (sciExp < 0 ? "-" : "+") + es;
        }
        else if (decpt <= 0)
        {
            body = "0." + new string('0', -decpt) + digits;
        }
        else if (decpt >= digits.Length)
        {
            body = digits + new string('0', decpt - digits.Length) + ".0";
        }
        else
        {
            body = digits[..decpt] + "." + digits[decpt..];
        }
        return negative ? "-" + body : body;
    }

    /// <summary>Python's <c>round(x, n)</c> for floats: correctly rounded on the exact binary value,
    /// half to even.</summary>
    public static double Round(double value, int digits)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return value;
        // decimal holds the exact binary value for the magnitudes scores and percentages take.
        if (Math.Abs(value) < 7.9e27 && Math.Abs(value) > 1e-20)
        {
            decimal exact = ExactDecimal(value);
            return (double)Math.Round(exact, digits, MidpointRounding.ToEven);
        }
        return Math.Round(value, digits, MidpointRounding.ToEven);
    }

    private static decimal ExactDecimal(double value)
    {
        // "G17" is enough to identify the double, but the exact value may need more digits;
        // BigInteger arithmetic gives the exact decimal expansion of the binary value.
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool neg = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075;
        System.Numerics.BigInteger num = mantissa;
        System.Numerics.BigInteger den = 1;
        if (exponent > 0) num <<= exponent; else den <<= -exponent;
        // scale to 28 fractional digits at most, truncating beyond decimal's precision
        System.Numerics.BigInteger intPart = System.Numerics.BigInteger.DivRem(num, den, out var rem);
        decimal result = (decimal)intPart;
        decimal scale = 1m;
        int maxFrac = 28 - intPart.ToString(CultureInfo.InvariantCulture).Length;
        for (int i = 0; i < maxFrac && rem != 0; i++)
        {
            rem *= 10;
            var d = System.Numerics.BigInteger.DivRem(rem, den, out rem);
            scale /= 10m;
            result += (decimal)d * scale;
        }
        return neg ? -result : result;
    }
}
