// A threshold as written: comparator or (not) between, whose values may be numbers, time units or ${VARS}.
using System.Globalization;

namespace Sodalite.SodaCL.Grammar;

/// <summary>A threshold as written: either <c>OP value</c> or <c>[not] between LOWER and UPPER</c>, values kept as text.</summary>
/// <param name="Op">The comparator; null for a between.</param>
/// <param name="Value">The comparator's value as written; null for a between.</param>
/// <param name="Between">True for a (not) between.</param>
/// <param name="Not">True for <c>not between</c>.</param>
/// <param name="LowerExclusive">True when the lower bound is written with <c>(</c>; bounds are inclusive by default or with <c>[</c>.</param>
/// <param name="Lower">The between's lower bound as written; null for a comparator.</param>
/// <param name="UpperExclusive">True when the upper bound is written with <c>)</c>.</param>
/// <param name="Upper">The between's upper bound as written; null for a comparator.</param>
public sealed record ThresholdExpression(
    Comparator? Op, string? Value,
    bool Between, bool Not, bool LowerExclusive, string? Lower, bool UpperExclusive, string? Upper)
{
    /// <summary>The threshold <c>op value</c>.</summary>
    public static ThresholdExpression Compare(Comparator op, string value) => new(op, value, false, false, false, null, false, null);

    /// <summary>A between threshold's text as written (<c>not between (7 and 4]</c>), for Soda's messages; null for comparators.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// The zone where the condition holds, numbers resolved by <paramref name="resolve"/>. Throws what <paramref name="resolve"/>
    /// throws for a value it cannot read (<see cref="FormatException"/> for a value that is not a number).
    /// </summary>
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

    /// <summary>Parses a number as Soda's grammar accepts it: invariant culture, exponent allowed, every "%" ignored; false otherwise.</summary>
    public static bool TryNumber(string text, out double value)
    {
        string t = text.Replace("%", "").Trim();
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
