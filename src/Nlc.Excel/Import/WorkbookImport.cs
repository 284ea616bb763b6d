using Nlc.Core.Rubrics;
using Nlc.Core.Storage;

namespace Nlc.Excel.Import;

/// <summary>
/// A workbook read without problems: what it was made for, the rubric version that matches it, and its answers in row
/// order (rows left blank are unanswered and not listed). The answers are valid for <see cref="Rubric"/>.
/// </summary>
public sealed record WorkbookImport(WorkbookMetadata Metadata, Rubric Rubric, IReadOnlyList<AnswerInput> Answers);
