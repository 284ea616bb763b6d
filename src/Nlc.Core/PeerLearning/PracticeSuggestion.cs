namespace Nlc.Core.PeerLearning;

/// <summary>For one of a city's weakest practices: its own level, published case notes on it, and peers who consented to be contacted about it.</summary>
public sealed record PracticeSuggestion(string PracticeId, int? OwnLevel, IReadOnlyList<CaseNote> CaseNotes, IReadOnlyList<PeerContact> Contacts);
