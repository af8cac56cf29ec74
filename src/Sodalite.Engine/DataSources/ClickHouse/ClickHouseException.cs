using System.Data.Common;

namespace Sodalite.Engine.DataSources.ClickHouse;

/// <summary>A DbException carrying ClickHouse's error code (0 when the server did not say).</summary>
public sealed class ClickHouseException(string message, int code) : DbException(message)
{
    public override int ErrorCode => code;
}
