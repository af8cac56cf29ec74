// Missing / valid / invalid configuration of a check or a column (spec/sodacl.md §1.6).
using Sodalite.SodaCL.Diagnostics;

namespace Sodalite.SodaCL.Model;

public sealed record MissingValidConfig
{
    public IReadOnlyList<MvcValue>? MissingValues { get; init; }
    public string? MissingFormat { get; init; }
    public string? MissingRegex { get; init; }
    public IReadOnlyList<MvcValue>? ValidValues { get; init; }
    public string? ValidFormat { get; init; }
    public string? ValidRegex { get; init; }
    public long? ValidLength { get; init; }
    public long? ValidMinLength { get; init; }
    public long? ValidMaxLength { get; init; }
    public double? ValidMin { get; init; }
    public double? ValidMax { get; init; }
    public IReadOnlyList<MvcValue>? InvalidValues { get; init; }
    public string? InvalidFormat { get; init; }
    public string? InvalidRegex { get; init; }
    public bool? IncludeNull { get; init; }

    /// <summary>Where each format key was written, to report an unknown format there.</summary>
    public IReadOnlyDictionary<string, SourceLocation> FormatLocations { get; init; } = new Dictionary<string, SourceLocation>();

    public static readonly MissingValidConfig Empty = new();

    public bool HasMissing => MissingValues is not null || MissingFormat is not null || MissingRegex is not null;
    public bool HasValid => ValidValues is not null || ValidFormat is not null || ValidRegex is not null || ValidLength is not null
        || ValidMinLength is not null || ValidMaxLength is not null || ValidMin is not null || ValidMax is not null;
    public bool HasInvalid => InvalidValues is not null || InvalidFormat is not null || InvalidRegex is not null;
    public bool Any => HasMissing || HasValid || HasInvalid || IncludeNull is not null;

    /// <summary>Soda's merge: value lists concatenated (check first), other keys check-first;
    /// invalid keys are never taken from the column.</summary>
    public MissingValidConfig MergeWithColumn(MissingValidConfig? column)
    {
        if (column is null) return this;
        var locations = new Dictionary<string, SourceLocation>(column.FormatLocations);
        foreach (var (k, v) in FormatLocations) locations[k] = v;
        return new MissingValidConfig
        {
            MissingValues = Concat(MissingValues, column.MissingValues),
            MissingFormat = MissingFormat ?? column.MissingFormat,
            MissingRegex = MissingRegex ?? column.MissingRegex,
            ValidValues = Concat(ValidValues, column.ValidValues),
            ValidFormat = ValidFormat ?? column.ValidFormat,
            ValidRegex = ValidRegex ?? column.ValidRegex,
            ValidLength = ValidLength ?? column.ValidLength,
            ValidMinLength = ValidMinLength ?? column.ValidMinLength,
            ValidMaxLength = ValidMaxLength ?? column.ValidMaxLength,
            ValidMin = ValidMin ?? column.ValidMin,
            ValidMax = ValidMax ?? column.ValidMax,
            InvalidValues = InvalidValues,
            InvalidFormat = InvalidFormat,
            InvalidRegex = InvalidRegex,
            IncludeNull = IncludeNull ?? column.IncludeNull,
            FormatLocations = locations,
        };
    }

    private static IReadOnlyList<MvcValue>? Concat(IReadOnlyList<MvcValue>? a, IReadOnlyList<MvcValue>? b) =>
        a is null ? b : b is null ? a : [.. a, .. b];
}
