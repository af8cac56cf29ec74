namespace Sodalite.Engine.CheckTypes.GroupEvolutionCheck;

/// <summary>One level (warn or fail) of a group evolution check (Soda's GroupValidations).</summary>
/// <param name="Required">'when required group missing': groups that must be there.</param>
/// <param name="Forbidden">'when forbidden group present': patterns (% and * match anything, anchored at the start) of groups that must not.</param>
/// <param name="AdditionForbidden">'when groups change' with 'group add' (or any): a group the previous scan did not have.</param>
/// <param name="DeletionForbidden">'when groups change' with 'group delete' (or any): a group of the previous scan that is gone.</param>
public sealed record GroupValidations(IReadOnlyList<string> Required, IReadOnlyList<string> Forbidden, bool AdditionForbidden, bool DeletionForbidden)
{
    /// <summary>Whether the level compares with the previous scan's groups (needs a metric history).</summary>
    public bool ChangeValidations => AdditionForbidden || DeletionForbidden;
}
