namespace Sodalite.Results.Model;

/// <summary>A Python str. Soda writes dates, datetimes and timedeltas as text (see the writer).</summary>
public sealed record TextValue(string Text) : ResultValue;
