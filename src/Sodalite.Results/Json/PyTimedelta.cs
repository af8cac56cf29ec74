// Python's str(timedelta), the form Soda writes durations and freshness in: "[N day[s], ]H:MM:SS[.ffffff]".
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sodalite.Results.Json;

public static partial class PyTimedelta
{
    /// <summary>Python str(timedelta): [N day[s], ]H:MM:SS[.ffffff], days floored (so -1h is "-1 day, 23:00:00"); microsecond precision.</summary>
    public static string Format(TimeSpan t)
    {
        long micros = t.Ticks / 10;
        const long microsPerDay = 86_400_000_000L;
        long days = (long)Math.Floor((double)micros / microsPerDay);
        long rest = micros - days * microsPerDay;
        long seconds = rest / 1_000_000, fraction = rest % 1_000_000;
        string s = $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}";
        if (fraction != 0) s += "." + fraction.ToString("000000", CultureInfo.InvariantCulture);
        return days == 0 ? s : $"{days} day{(Math.Abs(days) == 1 ? "" : "s")}, {s}";
    }

    /// <summary>Reads what <see cref="Format"/> writes; false for any other text.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        var m = text is null ? null : Form().Match(text);
        if (m is null || !m.Success) return false;
        long days = m.Groups["days"].Success ? long.Parse(m.Groups["days"].Value, CultureInfo.InvariantCulture) : 0;
        long hours = long.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        long minutes = long.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), seconds = long.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture);
        long micros = m.Groups["f"].Success ? long.Parse(m.Groups["f"].Value, CultureInfo.InvariantCulture) : 0;
        if (minutes > 59 || seconds > 59 || hours > 23) return false;
        try
        {
            value = TimeSpan.FromTicks(checked(((days * 86_400 + hours * 3600 + minutes * 60 + seconds) * 1_000_000 + micros) * 10));
        }
        catch (OverflowException)
        {
            return false;
        }
        return true;
    }

    [GeneratedRegex(@"^(?:(?<days>-?[0-9]+) days?, )?(?<h>[0-9]{1,2}):(?<m>[0-9][0-9]):(?<s>[0-9][0-9])(?:\.(?<f>[0-9]{6}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Form();
}
