namespace IdentityContainment.Detection.SignIns;

/// <summary>
/// What the v1.0 sign-in log shows of device-code phishing for a device (v1.0 has no authenticationProtocol): a sign-in
/// the other rules rate Medium or above, then, within <see cref="FollowsFlaggedWithin"/>, a successful sign-in through
/// the Microsoft Authentication Broker or to the Device Registration Service that a device registration goes with (the
/// Device Registration Service sign-in itself, or a registration within
/// <see cref="SignInRules.DeviceRegistrationFollowsWithin"/> known from the directory).
/// </summary>
internal sealed record BrokerRegistrationSequence(SignInFacts Flagged, Assessment FlaggedAssessment, DateTimeOffset Registered)
{
    /// <summary>How long after a flagged sign-in a broker sign-in still counts as following it.</summary>
    public static readonly TimeSpan FollowsFlaggedWithin = TimeSpan.FromHours(6);

    /// <summary>
    /// The sequence ending at the case's sign-in, the flagged sign-in judged by <paramref name="precursorRules"/> (rules
    /// over one sign-in, so no sign-in is judged by its own sequence); null when the sequence is not there.
    /// </summary>
    public static BrokerRegistrationSequence? Find(SignInCase c, RuleTable<SignInCase> precursorRules)
    {
        SignInFacts s = c.SignIn;
        bool toRegistration = SignInSignals.IsDeviceRegistration(s);
        if (!s.Succeeded || !(toRegistration || SignInSignals.IsAuthenticationBroker(s)))
        {
            return null;
        }

        DateTimeOffset? registered = toRegistration ? s.CreatedDateTime : c.History.RegistrationAfter(s, SignInRules.DeviceRegistrationFollowsWithin);
        if (registered is null)
        {
            return null;
        }

        foreach (SignInFacts earlier in c.History.Preceding(s, FollowsFlaggedWithin))
        {
            // Only the window is judged: a sign-in before it is the baseline the others are measured against.
            if (earlier.CreatedDateTime < c.History.WindowStart || SignInSignals.IsAuthenticationBroker(earlier) || SignInSignals.IsDeviceRegistration(earlier))
            {
                continue;
            }

            Assessment assessment = precursorRules.Assess(new SignInCase(earlier, c.History));
            if (assessment.Level >= RiskLevel.Medium)
            {
                return new BrokerRegistrationSequence(earlier, assessment, registered.Value);
            }
        }

        return null;
    }

    /// <summary>The reason, saying what the log shows and that the device-code flow itself is not in it.</summary>
    public string Describe(SignInFacts signIn)
    {
        string through = $"{signIn.AppDisplayName ?? signIn.AppId ?? "an app"} to {signIn.ResourceDisplayName ?? signIn.ResourceId ?? "a resource"}";
        string registration = Registered == signIn.CreatedDateTime
            ? "a sign-in to the Device Registration Service, the step that registers a device"
            : $"a device was registered {Durations.Words(Registered - signIn.CreatedDateTime)} after it";
        return $"Signed in through {through} {Durations.Words(signIn.CreatedDateTime - Flagged.CreatedDateTime)} after a sign-in rated {FlaggedAssessment.Level} ({string.Join(", ", FlaggedAssessment.ReasonCodes)}) at {LogTimes.Moment(Flagged.CreatedDateTime)}, and {registration}: "
            + "the sequence of device-code phishing for a device that keeps a primary refresh token. The v1.0 sign-in log does not record the flow that issued the token, so this is the sequence, not the device-code flow itself";
    }
}
