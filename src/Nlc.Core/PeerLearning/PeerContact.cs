namespace Nlc.Core.PeerLearning;

/// <summary>A city that reached <see cref="PeerLevels.StrongLevel"/> or more in a practice and agreed to be contacted about it.</summary>
public sealed record PeerContact(string CityId, string CityName, string Country, int Level);
