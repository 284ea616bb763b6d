namespace Nlc.Web.Pages.Shared;

/// <summary>The upload form of a workbook page: the hint under its file field and its button's text; its errors are the model state's under "workbook".</summary>
public sealed record WorkbookUploadModel(string Hint, string Button);
