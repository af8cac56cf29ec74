namespace Sodalite.SodaCL.Model;

/// <summary>A check attribute: a string, a long, a double or a bool, as YAML typed it.</summary>
public sealed record CheckAttribute(string Name, object? Value);
