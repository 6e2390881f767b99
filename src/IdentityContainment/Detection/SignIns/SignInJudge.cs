using IdentityContainment.Detection;

namespace IdentityContainment.Detection.SignIns;

/// <summary>
/// Judges every sign-in of a user's window against the rule table and the user's history, and turns each into a
/// <see cref="SignInFinding"/>. No I/O: the same history gives the same findings.
/// </summary>
public static class SignInJudge
{
    /// <summary>The window's sign-ins, oldest first: those a rule fired on, or all of them with <paramref name="includeNonSuspicious"/>.</summary>
    public static IEnumerable<SignInFinding> Judge(SignInHistory history, bool includeNonSuspicious = false)
    {
        if (history is null)
        {
            throw new ArgumentNullException(nameof(history));
        }

        foreach (SignInFacts signIn in history.InWindow)
        {
            Assessment assessment = SignInRules.Table.Assess(new SignInCase(signIn, history));
            if (assessment.IsFinding || includeNonSuspicious)
            {
                yield return ToFinding(signIn, assessment);
            }
        }
    }

    public static SignInFinding ToFinding(SignInFacts s, Assessment assessment) => new()
    {
        UserId = s.UserId,
        UserPrincipalName = s.UserPrincipalName,
        SignInId = s.Id,
        CreatedDateTime = s.CreatedDateTime,
        IpAddress = s.IpAddress,
        Location = s.Place,
        CountryOrRegion = s.CountryOrRegion,
        Latitude = s.Latitude,
        Longitude = s.Longitude,
        AppDisplayName = s.AppDisplayName,
        AppId = s.AppId,
        ResourceDisplayName = s.ResourceDisplayName,
        ClientAppUsed = s.ClientAppUsed,
        UserAgent = s.UserAgent,
        DeviceId = s.DeviceId,
        Device = DeviceLine(s),
        DeviceIsCompliant = s.IsCompliant,
        DeviceTrustType = s.TrustType,
        Status = s.Succeeded ? "Success" : $"Failure {s.ErrorCode}",
        ErrorCode = s.ErrorCode,
        FailureReason = s.FailureReason,
        ConditionalAccessStatus = s.ConditionalAccessStatus,
        SignInRiskLevel = s.RiskLevelDuringSignIn,
        SignInRiskState = s.RiskState,
        CorrelationId = s.CorrelationId,
        RiskLevel = assessment.Level.ToString(),
        Score = assessment.Score,
        ReasonCodes = assessment.ReasonCodes,
        Reasons = assessment.Reasons,
    };

    private static string? DeviceLine(SignInFacts s)
    {
        string[] parts = new[] { s.DeviceName, s.OperatingSystem, s.Browser }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToArray();
        return parts.Length == 0 ? null : string.Join(", ", parts);
    }
}
