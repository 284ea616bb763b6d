namespace Nlc.Web.Pages.Shared;

/// <summary>One text input of a form: its name (also its id and error key), label, type, value, autocomplete token and hint.</summary>
public sealed record FieldModel(string Name, string Label, string Type = "text", string? Value = null, string? Autocomplete = null, string? Hint = null);
