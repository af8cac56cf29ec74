namespace Sodalite.Results.Model;

/// <summary>
/// What a freshness check measured (spec/sodacl.md §2.6), after <c>"measure": "time"</c>: maxColumnTimestamp and its UTC
/// form, nowVariableName, nowTimestamp and its UTC form (Python str() of datetimes, e.g. <c>2024-01-31 12:00:00+00:00</c>),
/// and freshness (str() of the timedelta, e.g. <c>1 day, 2:00:00</c>). The column timestamps and freshness are null when
/// the column has no value.
/// </summary>
public sealed record FreshnessMeasurement(string? MaxColumnTimestamp, string? MaxColumnTimestampUtc, string? NowVariableName,
    string? NowTimestamp, string? NowTimestampUtc, string? Freshness);
