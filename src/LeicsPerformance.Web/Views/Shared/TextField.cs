namespace LeicsPerformance.Web.Views.Shared;

/// <summary>A labelled GOV.UK text input with its error message, for <c>_TextField.cshtml</c>.</summary>
public sealed record TextField(string Name, string Label, string Value, string Type = "text", string? AutoComplete = null, string? Error = null, string? Hint = null);
