using Sodalite.SodaCL.Model;
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

    private static readonly string[] Keys = ["name", "warn", "fail", "fail condition", "fail query", "samples limit", "attributes", "group_value"];

    /// <summary>Reads 'fail condition' and 'fail query', the failing rows' condition or query.</summary>
    public CheckDefinition? Read(CheckDefinition check, CheckConfigEntry entry, CheckConfigReader reader) => entry.Key switch
    {
        "fail condition" => check with { FailCondition = entry.Text },
        "fail query" => check with { FailQuery = entry.Text },
        _ => null,
    };

    /// <summary>Soda's list for the type: every key but name, warn, fail, fail condition, fail query, samples limit and attributes is reported ('samples columns' is still read).</summary>
    public KeyRejection? Rejects(string key, CheckDefinition check) =>
        Keys.Contains(key) ? null : new KeyRejection($"Invalid user defined failed rows check configuration key \"{key}\"", StillRead: key == "samples columns");
}
