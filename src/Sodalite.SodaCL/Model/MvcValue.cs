namespace Sodalite.SodaCL.Model;

/// <summary>One value of a missing/valid/invalid values list: text as written, and whether YAML typed it as a number.</summary>
public sealed record MvcValue(string Text, bool IsNumber, bool IsInteger);
