namespace Nlc.Core.ActionPlans;

/// <summary>Something wrong with what was written, by field ("title", "targets[0].targetLevel", "dropReason"), with what to do.</summary>
public sealed record ActionProblem(string Field, string Message);
