namespace Sodalite.Engine.CheckTypes;

/// <summary>How a check's failing rows are sampled (Soda's DefaultSampler), which its check type decides.</summary>
public enum FailedRowsSampling
{
    /// <summary>From its metric's failing-row condition (missing, invalid, duplicate, reference), when the samples limit is above zero.</summary>
    Metric,
    /// <summary>By the user's 'failed rows query' of a user-defined metric, shown as a plain "Failed Rows" file.</summary>
    UserQuery,
    /// <summary>By a failed rows check's own rows, whatever its samples limit (Soda shows them even with 'samples limit: 0'); its count is the sample's total.</summary>
    Check,
}
