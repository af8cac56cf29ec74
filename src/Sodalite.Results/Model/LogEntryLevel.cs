namespace Sodalite.Results.Model;

/// <summary>A log record's level, written in lower case ("info"); get_scan_results() writes it in upper case ("INFO").</summary>
public enum LogEntryLevel
{
    Debug,
    Info,
    Warning,
    Error,
}
