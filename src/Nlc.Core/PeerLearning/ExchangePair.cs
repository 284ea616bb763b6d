namespace Nlc.Core.PeerLearning;

/// <summary>
/// Two cities that could learn from each other: the practices each is strong on where the other is weak, and what each
/// could gain (the sum, over the practices it would learn, of the level difference).
/// </summary>
public sealed record ExchangePair(
    PeerLevels First,
    PeerLevels Second,
    IReadOnlyList<string> FirstOffers,
    IReadOnlyList<string> SecondOffers,
    int FirstGains,
    int SecondGains)
{
    /// <summary>What the pair gains in all.</summary>
    public int TotalGain => FirstGains + SecondGains;
}
