namespace Nlc.Storage;

/// <summary>Thrown at start-up when the database was written by a newer version of the toolkit than this one.</summary>
public sealed class DatabaseVersionException(string message) : Exception(message);
