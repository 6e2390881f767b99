namespace IdentityContainment.HelpBuilder.Markdown;

/// <summary>The level-two headings a help file may have. README.md in module/help describes each.</summary>
internal static class HelpSections
{
    public const string Synopsis = "Synopsis";
    public const string Description = "Description";
    public const string Examples = "Examples";
    public const string Parameters = "Parameters";
    public const string Inputs = "Inputs";
    public const string Outputs = "Outputs";
    public const string Notes = "Notes";
    public const string RelatedLinks = "Related links";

    public static readonly IReadOnlyList<string> All = [Synopsis, Description, Examples, Parameters, Inputs, Outputs, Notes, RelatedLinks];

    /// <summary>
    /// Sections every help file must have. Notes may be left out by a cmdlet with nothing to add, and Parameters by a
    /// cmdlet that has none of its own (each parameter a cmdlet does have is required on its own).
    /// </summary>
    public static readonly IReadOnlyList<string> Required = [Synopsis, Description, Examples, Inputs, Outputs, RelatedLinks];
}
