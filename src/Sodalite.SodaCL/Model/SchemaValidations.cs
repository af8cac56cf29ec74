// The validations of one level (warn or fail) of a schema check (spec/sodacl.md §2.7).
namespace Sodalite.SodaCL.Model;

public sealed record SchemaValidations
{
    /// <summary>when required column missing: [cols]</summary>
    public IReadOnlyList<string> RequiredColumns { get; init; } = [];
    /// <summary>when forbidden column present: [patterns with * or %]</summary>
    public IReadOnlyList<string> ForbiddenColumns { get; init; } = [];
    /// <summary>when wrong column type: {col: type}, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ColumnTypes { get; init; } = [];
    /// <summary>when wrong column index: {col: index}, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ColumnIndexes { get; init; } = [];
    /// <summary>when mismatching columns: {col: type or null}, in file order; null when absent.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>>? MismatchingColumns { get; init; }
    /// <summary>with optional columns: [cols] (for mismatching columns).</summary>
    public IReadOnlyList<string> OptionalColumns { get; init; } = [];
    /// <summary>when schema changes: any (or a list with 'column add'): a column the previous scan's schema did not have.</summary>
    public bool ColumnAdditionForbidden { get; init; }
    /// <summary>when schema changes: 'column delete': a column of the previous scan's schema is gone.</summary>
    public bool ColumnDeletionForbidden { get; init; }
    /// <summary>when schema changes: 'column type change': a column's type differs from the previous scan's.</summary>
    public bool ColumnTypeChangeForbidden { get; init; }
    /// <summary>when schema changes: 'column index change': a column's position differs from the previous scan's.</summary>
    public bool ColumnIndexChangeForbidden { get; init; }

    /// <summary>Whether the level compares with the previous scan's schema (needs a metric history).</summary>
    public bool ChangeValidations => ColumnAdditionForbidden || ColumnDeletionForbidden || ColumnTypeChangeForbidden || ColumnIndexChangeForbidden;

    /// <summary>The YAML keys a schema level accepts, for error messages.</summary>
    public static readonly string[] Keys =
    [
        "when required column missing", "when forbidden column present", "when wrong column type", "when wrong column index",
        "when mismatching columns", "with optional columns", "when schema changes",
    ];
}
