namespace Sodalite.SodaCL.Model;

public enum CheckKind
{
    Metric,
    Freshness,
    Schema,
    Reference,
    RowCountComparison,
    FailedRows,
    GroupBy,
    GroupEvolution,
    ChangeOverTime,
    Anomaly,
    Distribution,
}
