using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.FailedRowsCheck;

/// <summary>
/// How a user-defined failed rows check is written (spec/sodacl.md §2.6): the line <c>failed rows</c> with 'fail condition' (in a
/// 'checks for DATASET' section) or 'fail query' (anywhere).
/// </summary>
public sealed class FailedRowsSyntax : ICheckSyntax
{
    /// <inheritdoc/>
    public string Description => "user defined failed rows";

    /// <inheritdoc/>
    public bool ClaimsLine(string line) => line == "failed rows";

    /// <inheritdoc/>
    public bool NeedsDataset => false;
}
