namespace Nlc.Core.PeerLearning;

/// <summary>What a city writes in a case note, in the form of the Hub's own reports: Challenge, Approach, Impact, the practice, and the role to contact.</summary>
public sealed record CaseNoteInput(string? PracticeId, string? Title, string? Challenge, string? Approach, string? Impact, string? ContactRole);
