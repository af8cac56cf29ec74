namespace Sodalite.Results.Model;

/// <summary>
/// One resourceAttributes entry <c>{"name", "value"}</c>. Soda writes a top-level number as text ("1"), keeps a bool,
/// and keeps the items' types in a list or dict.
/// </summary>
public sealed record ResourceAttribute(string Name, ResultValue? Value);
