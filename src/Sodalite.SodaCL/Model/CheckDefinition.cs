// One check as written in a checks file, with everything the engine needs to plan, run and report it.
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Grammar;

namespace Sodalite.SodaCL.Model;

public sealed record CheckDefinition
{
    /// <summary>The section header after variables, e.g. "checks for customers [daily]".</summary>
    public required string Header { get; init; }
    public required string? Table { get; init; }
    public required string? Partition { get; init; }
    /// <summary>The check line as written (the first key of a dict item).</summary>
    public required string Line { get; init; }
    public required SourceLocation Location { get; init; }
    /// <summary>The check type that read the check (its module claims it for planning and judging).</summary>
    public required Parsing.ICheckSyntax Syntax { get; init; }
    public CheckLine? Parsed { get; init; }
    public required string Definition { get; init; }
    /// <summary>The !!omap dump that feeds the check identity, or null when the config adds nothing.</summary>
    public string? IdentityYaml { get; init; }

    public string? Name { get; init; }
    public string? CustomIdentity { get; init; }
    public string? Filter { get; init; }
    public int? SamplesLimit { get; init; }
    /// <summary>'samples columns': the columns failed-row samples keep (all when null).</summary>
    public IReadOnlyList<string>? SamplesColumns { get; init; }
    public IReadOnlyList<CheckAttribute> Attributes { get; init; } = [];
    public ThresholdExpression? Warn { get; init; }
    public ThresholdExpression? Fail { get; init; }
    /// <summary>warn/fail config text as written, for the default name ("row_count warn when &lt; 5").</summary>
    public string? WarnText { get; init; }
    public string? FailText { get; init; }
    public MissingValidConfig MissingValid { get; init; } = MissingValidConfig.Empty;
    /// <summary>User-defined metric: "&lt;metric&gt; expression".</summary>
    public string? MetricExpression { get; init; }
    /// <summary>User-defined metric: "&lt;metric&gt; query" or the content of its sql_file.</summary>
    public string? MetricQuery { get; init; }
    public string? FailedRowsQuery { get; init; }
    public string? FailCondition { get; init; }
    public string? FailQuery { get; init; }

    /// <summary>Schema checks: the validations under warn: and fail:.</summary>
    public SchemaValidations? SchemaWarn { get; init; }
    public SchemaValidations? SchemaFail { get; init; }

    /// <summary>A check type's own settings, typed by the syntax that read them (e.g. an anomaly check's warn_only and severity levels); null when none.</summary>
    public object? Settings { get; init; }

    /// <summary>Group by checks: the query, fields and nested checks.</summary>
    public GroupBySpec? GroupBy { get; init; }

    /// <summary>
    /// Set when the check's configuration has an error that changes what it measures (an unknown format, an invalid value, a
    /// misspelled key, a bad warn/fail condition): the check may then fail as in Soda, but never pass or warn (it is not evaluated).
    /// </summary>
    public string? ConfigError { get; init; }

    public MetricCheckLine? MetricLine => Parsed as MetricCheckLine;

    /// <summary>The column the check is about (the check type's rule: a metric's first argument, a reference's single source column), or null.</summary>
    public string? Column { get; init; }
}
