namespace Sodalite.Engine.Dialects;

public sealed class DuckDbDialect : SqlDialect
{
    public override string Name => "duckdb";

    public override string RegexMatch(string expr, string regex) => $"REGEXP_MATCHES({expr}, '{regex}')";

    protected override string FloatType => "DOUBLE";

    public override string SampleTypeName(string dataTypeName) => dataTypeName.ToLowerInvariant();

    // Measured on 10M rows (bench/): Soda's sample query regroups the table (~2 s); joining kept keys costs ~0.1 s.
    public override bool KeepsDuplicateKeys => true;
}
