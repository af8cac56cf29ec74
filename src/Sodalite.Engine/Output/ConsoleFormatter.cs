// Formats scan logs for the console as Soda prints them: "[HH:MM:SS] message", location and doc lines.
using System.Text;
using Sodalite.SodaCL.Diagnostics;

namespace Sodalite.Engine.Output;

public static class ConsoleFormatter
{
    public static string Format(ScanLog log, TimeZoneInfo zone)
    {
        var sb = new StringBuilder();
        sb.Append('[').Append(TimeZoneInfo.ConvertTime(log.Timestamp, zone).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)).Append("] ");
        sb.Append(log.Message);
        if (log.Exception is not null)
            foreach (var line in log.Exception.Split('\n')) sb.Append("\n  | ").Append(line);
        if (log.Location is not null && log.Level is ScanLogLevel.Warning or ScanLogLevel.Error)
            sb.Append("\n  +-> ").Append(log.Location);
        if (log.Doc is not null) sb.Append("\n  +-> See https://go.soda.io/").Append(log.Doc);
        return sb.ToString();
    }
}
