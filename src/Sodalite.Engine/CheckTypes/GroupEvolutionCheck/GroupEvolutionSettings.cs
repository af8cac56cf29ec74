namespace Sodalite.Engine.CheckTypes.GroupEvolutionCheck;

/// <summary>What a group evolution check's configuration sets: its query and the validations of each level.</summary>
public sealed record GroupEvolutionSettings(string? Query = null, GroupValidations? Warn = null, GroupValidations? Fail = null);
