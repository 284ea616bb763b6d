using Nlc.Core.Assessments;

namespace Nlc.Storage;

/// <summary>A merge as carried out: the assessment after it (as it was when nothing was written), the plan, and the answers saved before it.</summary>
public sealed record AnswerMergeResult(Assessment Assessment, AnswerMergePlan Plan, IReadOnlyList<StoredAnswer> SavedBefore);
