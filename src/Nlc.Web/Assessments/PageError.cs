namespace Nlc.Web.Assessments;

/// <summary>One problem shown in a page's error summary: the id of the field it links to and the message.</summary>
public sealed record PageError(string FieldId, string Message);
