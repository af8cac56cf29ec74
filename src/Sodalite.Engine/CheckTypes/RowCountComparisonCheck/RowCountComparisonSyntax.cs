using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.RowCountComparisonCheck;

/// <summary>How a row count comparison is written (spec/sodacl.md §2.9): <c>row_count same as other [partition] [in data_source]</c>.</summary>
public sealed class RowCountComparisonSyntax : ICheckSyntax
{
    /// <inheritdoc/>
    public string Description => "row count comparison";

    /// <inheritdoc/>
    public bool Claims(CheckLine line) => line is RowCountComparisonLine;

    private static readonly string[] Keys = ["name", "attributes", "identity", "group_value"];

    /// <summary>Soda's list for the type: every key but name, attributes, identity is reported.</summary>
    public KeyRejection? Rejects(string key, CheckDefinition check) =>
        Keys.Contains(key) ? null : new KeyRejection($"Invalid row count comparison configuration key {key}");
}
