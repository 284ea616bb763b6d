namespace Nlc.Web.Pages.Shared;

/// <summary>
/// One text input of a form: its name, label, type, value, autocomplete token and hint, and its id, which is also the
/// key of its errors and the error summary's link target (the name unless the page has several such fields).
/// </summary>
public sealed record FieldModel(string Name, string Label, string Type = "text", string? Value = null, string? Autocomplete = null, string? Hint = null, string? Id = null)
{
    /// <summary>The element id and error key.</summary>
    public string Key => Id ?? Name;
}
