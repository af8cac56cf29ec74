namespace Sodalite.SodaCL.Parsing;

/// <summary>
/// A configuration key a check type does not take, as Soda's parser for the type reports it (an error; the scan exits 3).
/// </summary>
/// <param name="Message">Soda's message for the type, e.g. <c>Invalid schema check configuration key "filter"</c>.</param>
/// <param name="StillRead">
/// Whether Soda still reads the key's value for the check (it reads 'samples columns' of a failed rows check, and the 'filter' of a
/// legacy freshness check, after reporting them): the parser then reads it as it would for any check.
/// </param>
public sealed record KeyRejection(string Message, bool StillRead = false);
