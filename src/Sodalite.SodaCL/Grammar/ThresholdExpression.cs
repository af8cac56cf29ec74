// A threshold as written: comparator or (not) between, whose values may be numbers, time units or ${VARS}.
using System.Globalization;

namespace Sodalite.SodaCL.Grammar;

public enum Comparator { Lt, Lte, Eq, Gte, Gt, Ne }

public sealed record ThresholdExpression(
    Comparator? Op, string? Value,
    bool Between, bool Not, bool LowerExclusive, string? Lower, bool UpperExclusive, string? Upper)
{
    public static ThresholdExpression Compare(Comparator op, string value) => new(op, value, false, false, false, null, false, null);

    /// <summary>A between threshold's text as written (<c>not between (7 and 4]</c>), for Soda's messages; null for comparators.</summary>
    public string? Text { get; init; }

    /// <summary>Values as written (for variables and time units).</summary>
    public IEnumerable<string> RawValues => Between ? [Lower!, Upper!] : [Value!];

    /// <summary>The zone where the condition holds, numbers resolved by <paramref name="resolve"/>.
    /// Throws <see cref="FormatException"/> when a value is not a number.</summary>
    public Threshold ToZone(Func<string, double> resolve)
    {
        if (!Between)
        {
            double x = resolve(Value!);
            return Op switch
            {
                Comparator.Lt => new(null, null, x, null, false),
                Comparator.Lte => new(null, null, null, x, false),
                Comparator.Gt => new(null, x, null, null, false),
                Comparator.Gte => new(x, null, null, null, false),
                Comparator.Eq => new(x, null, null, x, false),
                _ => new(null, x, x, null, true),
            };
        }
        // Inverted bounds (between 10 and 5) are an error the parser reports; the zone is still built from them, as Soda does.
        double lo = resolve(Lower!), hi = resolve(Upper!);
        var zone = new Threshold(LowerExclusive ? null : lo, LowerExclusive ? lo : null, UpperExclusive ? hi : null, UpperExclusive ? null : hi, false);
        return Not ? zone.Inverse() : zone;
    }

    /// <summary>True for a between whose bounds are both numbers and the lower is above the upper (Soda: an error, the check still runs).</summary>
    public bool HasInvertedBounds =>
        Between && TryNumber(Lower!, out double lo) && TryNumber(Upper!, out double hi) && lo > hi;

    /// <summary>Parses a number as Soda's grammar accepts it ("%" ignored).</summary>
    public static bool TryNumber(string text, out double value)
    {
        string t = text.Replace("%", "").Trim();
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
