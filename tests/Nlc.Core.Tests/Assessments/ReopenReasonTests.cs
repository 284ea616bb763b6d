using Nlc.Core.Assessments;

namespace Nlc.Core.Tests.Assessments;

/// <summary>Reopening says why: the city reads the reason on its pages.</summary>
[TestClass]
public sealed class ReopenReasonTests
{
    [TestMethod]
    public void Reopen_NeedsAReason_OtherStepsDoNot()
    {
        Assert.AreEqual("Required", AssessmentWorkflow.ReasonProblem(AssessmentAction.Reopen, null));
        Assert.AreEqual("Required", AssessmentWorkflow.ReasonProblem(AssessmentAction.Reopen, "   "));
        Assert.IsNull(AssessmentWorkflow.ReasonProblem(AssessmentAction.Reopen, "Attach the adopted decision."));
        Assert.IsNull(AssessmentWorkflow.ReasonProblem(AssessmentAction.Validate, null));
    }

    [TestMethod]
    public void AReason_IsAtMostTheLimit() =>
        Assert.AreEqual("TooLong", AssessmentWorkflow.ReasonProblem(AssessmentAction.Reopen, new string('x', AssessmentWorkflow.MaxReasonLength + 1)));
}
