using System.Management.Automation;
using IdentityContainment.Detection;
using IdentityContainment.Detection.AuthenticationMethods;
using static IdentityContainment.Pipeline.PipedProperties;

namespace IdentityContainment.AuthenticationMethods;

/// <summary>
/// A finding piped to Remove-SuspiciousAuthenticationMethod, as it came: the live object, or one re-imported from evidence
/// (Import-Clixml, ConvertFrom-Json, Import-Csv), whose properties are read by name. An object that is not a method
/// finding at all is refused here with what it lacks; whether a method finding can be deleted (its ids, its kind) is the
/// removal's to say, with the error that tells the operator what to do instead.
/// </summary>
public static class AuthenticationMethodFindingInput
{
    /// <summary>The finding, or null with <paramref name="problem"/> saying what is wrong with the object.</summary>
    public static AuthenticationMethodFinding? Read(PSObject? input, out string? problem)
    {
        AuthenticationMethodFinding? finding = input?.BaseObject as AuthenticationMethodFinding;
        if (finding is null && input is not null)
        {
            finding = new AuthenticationMethodFinding
            {
                UserId = Text(input, nameof(AuthenticationMethodFinding.UserId)) ?? string.Empty,
                UserPrincipalName = Text(input, nameof(AuthenticationMethodFinding.UserPrincipalName)),
                MethodId = Text(input, nameof(AuthenticationMethodFinding.MethodId)) ?? string.Empty,
                Type = Text(input, nameof(AuthenticationMethodFinding.Type)) ?? string.Empty,
                ODataType = Text(input, nameof(AuthenticationMethodFinding.ODataType)),
                DisplayDetail = Text(input, nameof(AuthenticationMethodFinding.DisplayDetail)) ?? string.Empty,
                CreatedDateTime = Time(input, nameof(AuthenticationMethodFinding.CreatedDateTime)),
                DeletePath = Text(input, nameof(AuthenticationMethodFinding.DeletePath)),
                BeforeImage = Text(input, nameof(AuthenticationMethodFinding.BeforeImage)),
                RiskLevel = Text(input, nameof(AuthenticationMethodFinding.RiskLevel)) ?? nameof(RiskLevel.None),
                ReasonCodes = Texts(input, nameof(AuthenticationMethodFinding.ReasonCodes)),
                Reasons = Texts(input, nameof(AuthenticationMethodFinding.Reasons)),
            };
        }

        problem = finding is null ? "The input is empty." : Check(finding);
        return problem is null ? finding : null;
    }

    private static string? Check(AuthenticationMethodFinding finding)
    {
        if (AuthenticationMethodType.FromName(finding.Type) is null && finding.Type != AuthenticationMethodType.UnknownName)
        {
            return $"The input is not an authentication method finding: its Type is '{finding.Type}', not a method kind the module names ({string.Join(", ", AuthenticationMethodType.KnownNames)} or {AuthenticationMethodType.UnknownName}). Pass findings from Get-SuspiciousAuthenticationMethod (live, or re-imported with Import-Clixml, ConvertFrom-Json or Import-Csv).";
        }

        return null;
    }
}
