namespace Sodalite.Engine.Dialects;

public sealed class DuckDbDialect : SqlDialect
{
    public override string Name => "duckdb";

    public override string RegexMatch(string expr, string regex) => $"REGEXP_MATCHES({expr}, '{regex}')";

    protected override string FloatType => "DOUBLE";

    public override string SampleTypeName(string dataTypeName) => dataTypeName.ToLowerInvariant();
}
