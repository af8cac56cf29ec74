namespace Sodalite.Engine.Planning;

/// <summary>When a planned failed-rows sample runs, read from its metric's measured value (Soda's sampler rules).</summary>
public enum SampleTrigger
{
    /// <summary>Rows failed: the count is above zero.</summary>
    RowsFailed,
    /// <summary>The metric was computed, whatever its count (a failed rows check's 'fail query': Soda shows its columns with no rows).</summary>
    Computed,
    /// <summary>A count above zero, or any computed non-integer value (a user-defined metric with a 'failed rows query').</summary>
    AnyValue,
}
