namespace Nlc.Web.Assessments;

/// <summary>
/// Where a city stands among its peers, as the disclosure rules let the signed-in person see it: the group's size, and per
/// metric either a place (a percentile rank for hub staff, the quarter of the group for others) or nothing; or, when the
/// group is withheld or the city is not in it, why.
/// </summary>
public sealed record PeerPlace(int GroupSize, string? NotShownReason, IReadOnlyList<PeerPlaceRow> Rows);

/// <summary>One metric's place: its label, the city's score, and the place in words (null: withheld for this metric).</summary>
public sealed record PeerPlaceRow(string Label, double? Score, string? Place);
