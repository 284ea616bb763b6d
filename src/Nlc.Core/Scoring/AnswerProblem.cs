namespace Nlc.Core.Scoring;

/// <summary>Why one answer cannot be scored, naming the indicator it was given for.</summary>
public sealed record AnswerProblem(string IndicatorId, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{IndicatorId}: {Message}";
}
