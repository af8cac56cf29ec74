namespace Sodalite.Engine.History;

/// <summary>A metric history that cannot be opened, read or written; the message names the store and the cause.</summary>
public sealed class HistoryException(string message, Exception? inner = null) : Exception(message, inner);
