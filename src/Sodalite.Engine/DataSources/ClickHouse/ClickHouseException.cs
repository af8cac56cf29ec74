namespace Sodalite.Engine.DataSources.ClickHouse;

/// <summary>
/// A ClickHouse error: the server's (its code as <see cref="ErrorCode"/>, read by <see cref="ClickHouseErrors"/>) or the client's own
/// (code 0: unreachable, no answer in time, a cut answer), which says itself whether it is transient.
/// </summary>
public sealed class ClickHouseException(string message, int code, bool transient = false)
    : DataSourceException(message, code == 0 ? null : code.ToString(System.Globalization.CultureInfo.InvariantCulture), ClickHouseErrors.Kind(code),
        transient || ClickHouseErrors.IsTransient(code), ClickHouseErrors.NameIn(ClickHouseErrors.Kind(code), message))
{
    public override int ErrorCode => code;
}
