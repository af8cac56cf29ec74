using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.ReferenceCheck;

/// <summary>How a reference check is written (spec/sodacl.md §2.8): <c>values in (a, b) must [not] exist in other (x, y)</c>.</summary>
public sealed class ReferenceSyntax : ICheckSyntax
{
    /// <inheritdoc/>
    public string Description => "reference";

    /// <inheritdoc/>
    public bool Claims(CheckLine line) => line is ReferenceCheckLine;

    /// <summary>The source column when there is one; a reference over several columns is a dataset check.</summary>
    public string? Column(CheckLine? line) => line is ReferenceCheckLine { SourceColumns.Count: 1 } r ? r.SourceColumns[0] : null;

    private static readonly string[] Keys = ["name", "samples limit", "attributes", "identity", "group_value"];

    /// <summary>Soda's list for the type: every key but name, samples limit, attributes, identity is reported.</summary>
    public KeyRejection? Rejects(string key, CheckDefinition check) =>
        Keys.Contains(key) ? null : new KeyRejection($"Invalid reference check configuration key {key}");
}
