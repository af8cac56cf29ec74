namespace Sodalite.Engine.DataSources;

/// <summary>One accepted key: its shape, the values accepted for a <see cref="SettingKind.Choice"/>, and what it is for.</summary>
public sealed record SettingSpec(SettingKind Kind, string Purpose, IReadOnlyList<string>? Accepted = null);
