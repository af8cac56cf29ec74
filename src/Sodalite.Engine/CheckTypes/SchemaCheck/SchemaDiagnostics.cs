namespace Sodalite.Engine.CheckTypes.SchemaCheck;

/// <summary>What a schema check measured and found.</summary>
public sealed record SchemaDiagnostics(IReadOnlyList<(string Name, string Type)> Measured, SchemaEvents Fail, SchemaEvents Warn);
