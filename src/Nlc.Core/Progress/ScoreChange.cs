namespace Nlc.Core.Progress;

/// <summary>One metric (overall, a pillar or a practice) in two periods and the change between them; null where unscored.</summary>
public sealed record ScoreChange(string Id, double? From, double? To)
{
    /// <summary>To − From, when both are scored.</summary>
    public double? Delta => From is { } from && To is { } to ? to - from : null;
}
