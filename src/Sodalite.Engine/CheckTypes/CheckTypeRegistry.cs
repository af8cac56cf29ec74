using Sodalite.Engine.CheckTypes.FailedRowsCheck;
using Sodalite.Engine.CheckTypes.FreshnessCheck;
using Sodalite.Engine.CheckTypes.GroupByCheck;
using Sodalite.Engine.CheckTypes.HistoryChecks;
using Sodalite.Engine.CheckTypes.MetricCheck;
using Sodalite.Engine.CheckTypes.ReferenceCheck;
using Sodalite.Engine.CheckTypes.RowCountComparisonCheck;
using Sodalite.Engine.CheckTypes.SchemaCheck;
using Sodalite.Engine.CheckTypes.UserDefinedMetricCheck;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes;

/// <summary>The check types Sodalite runs, one line each; a check belongs to the first type that claims it.</summary>
public static class CheckTypeRegistry
{
    /// <summary>Every check type, in the order they are asked (a more specific claim before a more general one).</summary>
    public static IReadOnlyList<ICheckType> All { get; } =
    [
        new UserDefinedMetricCheckType(),
        new FailedRowsCheckType(),
        new MetricCheckType(),
        new FreshnessCheckType(),
        new SchemaCheckType(),
        new ReferenceCheckType(),
        new RowCountComparisonCheckType(),
        new GroupByCheckType(),
        new ChangeOverTimeCheck.ChangeOverTimeCheckType(),
        new AnomalyCheck.AnomalyCheckType(),
        new GroupEvolutionCheck.GroupEvolutionCheckType(),
        new DistributionCheckType(),
    ];

    /// <summary>The syntaxes of the check types, for the parser: each once, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<ICheckSyntax> Syntaxes { get; } = [.. All.Select(t => t.Syntax).OfType<ICheckSyntax>().Distinct()];

    /// <summary>The type that plans and judges <paramref name="check"/>, or null when no type claims it (reported as not supported).</summary>
    public static ICheckType? For(CheckDefinition check) => All.FirstOrDefault(t => t.Claims(check));
}
