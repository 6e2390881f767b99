namespace IdentityContainment.HelpBuilder.Cmdlets;

/// <summary>
/// The parameters PowerShell adds to every cmdlet (and to every ShouldProcess cmdlet). about_CommonParameters explains
/// them once; a cmdlet's own help must not repeat them, but its examples may use them.
/// </summary>
internal static class CommonParameters
{
    private static readonly Dictionary<string, string> Always = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Verbose"] = "vb",
        ["Debug"] = "db",
        ["ErrorAction"] = "ea",
        ["WarningAction"] = "wa",
        ["InformationAction"] = "infa",
        ["ProgressAction"] = "proga",
        ["ErrorVariable"] = "ev",
        ["WarningVariable"] = "wv",
        ["InformationVariable"] = "iv",
        ["OutVariable"] = "ov",
        ["OutBuffer"] = "ob",
        ["PipelineVariable"] = "pv",
    };

    private static readonly Dictionary<string, string> WithShouldProcess = new(StringComparer.OrdinalIgnoreCase)
    {
        ["WhatIf"] = "wi",
        ["Confirm"] = "cf",
    };

    /// <summary>Whether <paramref name="name"/> names a common parameter, by its full name only.</summary>
    public static bool IsCommonName(string name) => Always.ContainsKey(name) || WithShouldProcess.ContainsKey(name);

    /// <summary>Whether a name typed in an example binds to a common parameter of this cmdlet (name, alias or prefix).</summary>
    public static bool Binds(string typed, bool supportsShouldProcess)
    {
        IEnumerable<KeyValuePair<string, string>> all = supportsShouldProcess ? Always.Concat(WithShouldProcess) : Always;
        return all.Any(p => p.Key.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || p.Value.Equals(typed, StringComparison.OrdinalIgnoreCase));
    }
}
