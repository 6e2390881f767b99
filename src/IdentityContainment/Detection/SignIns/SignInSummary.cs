namespace IdentityContainment.Detection.SignIns;

/// <summary>
/// The earliest suspicious sign-in per user: when the compromise began, as far as the log shows, and the value the
/// other cmdlets take as -Since / -CompromisedSince.
/// </summary>
public static class SignInSummary
{
    /// <summary>
    /// Per user, the earliest successful sign-in at <paramref name="minimum"/> or above (Medium by default: one new IP
    /// alone does not start a compromise), in the order the users first appear. A successful one, because nothing the
    /// attacker registered can predate their first way in: a password spray that failed for days before the phish would
    /// put every method and device the user added meanwhile under suspicion. A user whose suspicious sign-ins all
    /// failed gets the earliest of those: the attack began, even if the log shows no way in.
    /// </summary>
    public static IReadOnlyList<SignInFinding> EarliestPerUser(IEnumerable<SignInFinding> findings, RiskLevel minimum = RiskLevel.Medium)
    {
        if (findings is null)
        {
            throw new ArgumentNullException(nameof(findings));
        }

        var earliest = new Dictionary<string, SignInFinding>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (SignInFinding finding in findings.Where(f => f.IsAtLeast(minimum) && f.Level > RiskLevel.None))
        {
            if (!earliest.TryGetValue(finding.UserId, out SignInFinding? known))
            {
                order.Add(finding.UserId);
                earliest[finding.UserId] = finding;
            }
            else if (StartsEarlier(finding, known))
            {
                earliest[finding.UserId] = finding;
            }
        }

        return order.Select(u => earliest[u]).ToArray();
    }

    /// <summary>A success beats a failure; between two of the same kind, the earlier.</summary>
    private static bool StartsEarlier(SignInFinding candidate, SignInFinding known) =>
        (candidate.ErrorCode == 0) != (known.ErrorCode == 0)
            ? candidate.ErrorCode == 0
            : candidate.CreatedDateTime < known.CreatedDateTime;

    /// <summary>
    /// Reasons that say where or when a sign-in happened, not what signed in: a finding with only these (the victim's own
    /// laptop at the other end of the attacker's impossible trip, or signing in again after the revocation) names no device.
    /// </summary>
    public static readonly IReadOnlyCollection<string> ReasonsThatNameNoDevice = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ImpossibleTravel", "TravelBetweenUsualPlaces", "SignInAfterRevocation", "SignInAgainAfterRevocation",
    };

    /// <summary>
    /// The device ids (deviceDetail/deviceId, the device's registration id) that signed in suspiciously, at
    /// <paramref name="minimum"/> or above, for a reason other than travel or revocation alone: the devices
    /// Get-SuspiciousDevice names as used in suspicious sign-ins.
    /// </summary>
    public static IReadOnlyList<string> DevicesNamedIn(IEnumerable<SignInFinding> findings, RiskLevel minimum = RiskLevel.Medium) =>
        (findings ?? throw new ArgumentNullException(nameof(findings)))
            .Where(f => f.IsAtLeast(minimum) && f.Level > RiskLevel.None && !string.IsNullOrWhiteSpace(f.DeviceId))
            .Where(f => f.ReasonCodes.Length == 0 || !f.ReasonCodes.All(ReasonsThatNameNoDevice.Contains))
            .Select(f => f.DeviceId!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
}
