namespace Nlc.Core.Scoring;

/// <summary>Why one answer cannot be scored, naming the indicator it was given for and its position in the answers given.</summary>
public sealed record AnswerProblem(string IndicatorId, string Message, int Position)
{
    /// <inheritdoc />
    public override string ToString() => $"{IndicatorId}: {Message}";
}
