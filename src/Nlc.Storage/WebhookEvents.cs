namespace Nlc.Storage;

/// <summary>The events a webhook endpoint can subscribe to.</summary>
public static class WebhookEvents
{
    /// <summary>An assessment was validated (partners can read it from now on).</summary>
    public const string AssessmentValidated = "assessment.validated";

    /// <summary>An assessment was reopened: back to draft, so partners can no longer read it.</summary>
    public const string AssessmentReopened = "assessment.reopened";

    /// <summary>A city was added or changed.</summary>
    public const string CityChanged = "city.changed";

    /// <summary>Every event, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [AssessmentValidated, AssessmentReopened, CityChanged];
}
