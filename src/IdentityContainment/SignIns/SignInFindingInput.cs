using System.Management.Automation;
using IdentityContainment.Detection;
using IdentityContainment.Detection.AuthenticationMethods;
using IdentityContainment.Detection.SignIns;
using static IdentityContainment.Pipeline.PipedProperties;

namespace IdentityContainment.SignIns;

/// <summary>
/// Sign-in findings handed to another hunt (-SuspiciousSignIn on Get-SuspiciousAuthenticationMethod and
/// Get-SuspiciousDevice): live from Get-SuspiciousSignIn, or re-imported from JSON, Clixml or CSV evidence. Only what
/// the other hunts need is read (whose, when, how risky, from which device); an object without a user or a time is
/// set aside with the reason, and the rest are used.
/// </summary>
public static class SignInFindingInput
{
    public static SignInFindingInputResult Read(IEnumerable<PSObject?>? inputs)
    {
        var findings = new List<SignInFinding>();
        var problems = new List<string>();
        foreach (PSObject? input in inputs ?? Array.Empty<PSObject?>())
        {
            if (input?.BaseObject is SignInFinding live)
            {
                findings.Add(live);
                continue;
            }

            if (input is null)
            {
                continue;
            }

            string? userId = Text(input, nameof(SignInFinding.UserId));
            DateTimeOffset? at = Time(input, nameof(SignInFinding.CreatedDateTime));
            if (userId is null || at is null)
            {
                problems.Add($"An object passed as a suspicious sign-in has no {(userId is null ? nameof(SignInFinding.UserId) : nameof(SignInFinding.CreatedDateTime))}; pass the output of Get-SuspiciousSignIn (live, or re-imported with Import-Clixml, ConvertFrom-Json or Import-Csv). It was ignored.");
                continue;
            }

            findings.Add(new SignInFinding
            {
                UserId = userId,
                UserPrincipalName = Text(input, nameof(SignInFinding.UserPrincipalName)),
                SignInId = Text(input, nameof(SignInFinding.SignInId)) ?? string.Empty,
                CreatedDateTime = at.Value,
                IpAddress = Text(input, nameof(SignInFinding.IpAddress)),
                DeviceId = Text(input, nameof(SignInFinding.DeviceId)),
                Device = Text(input, nameof(SignInFinding.Device)),
                ErrorCode = int.TryParse(Text(input, nameof(SignInFinding.ErrorCode)), out int errorCode) ? errorCode : 0,
                RiskLevel = Text(input, nameof(SignInFinding.RiskLevel)) ?? nameof(RiskLevel.None),
                ReasonCodes = Texts(input, nameof(SignInFinding.ReasonCodes)),
            });
        }

        return new SignInFindingInputResult(findings, problems);
    }
}

/// <summary>The sign-in findings read, and one sentence per object that could not be.</summary>
public sealed record SignInFindingInputResult(IReadOnlyList<SignInFinding> Findings, IReadOnlyList<string> Problems)
{
    /// <summary>The sign-ins at Medium or above, as the method rules take them: whose and when.</summary>
    public IReadOnlyList<FlaggedSignIn> Flagged(RiskLevel minimum = RiskLevel.Medium) =>
        Findings.Where(f => f.IsAtLeast(minimum) && f.Level > RiskLevel.None).Select(f => new FlaggedSignIn(f.UserId, f.CreatedDateTime)).ToArray();

    /// <summary>The device ids that signed in at Medium or above, as Get-SuspiciousDevice matches them.</summary>
    public IReadOnlyList<string> DeviceIds(RiskLevel minimum = RiskLevel.Medium) => SignInSummary.DevicesNamedIn(Findings, minimum);
}
