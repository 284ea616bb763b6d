namespace Nlc.Storage;

/// <summary>One page of a list: its items and how many there are in all.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset);
