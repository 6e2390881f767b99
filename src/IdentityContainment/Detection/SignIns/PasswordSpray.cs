namespace IdentityContainment.Detection.SignIns;

/// <summary>
/// Whether a failed password attempt is part of guessing or a spray: from a source the user never signed in from, with
/// <see cref="SignInRules.RepeatedPasswordAttempts"/> failures from new sources in the hour up to it, coming from
/// <see cref="SignInRules.SprayNetworks"/> networks or more, or from a country the user never signed in from. Repeats from
/// the user's own network or device are a client with a stale password; repeats from one new network in the user's own
/// country are most likely the same phone on mobile data.
/// </summary>
internal static class PasswordSpray
{
    /// <summary>The reason, or null when the attempt is not part of guessing or a spray.</summary>
    public static string? Describe(SignInCase c)
    {
        if (!SignInSignals.PasswordAttemptCodes.ContainsKey(c.SignIn.ErrorCode) || c.History.IsKnownSource(c.SignIn))
        {
            return null;
        }

        IReadOnlyList<SignInFacts> attempts = c.History.NewSourcePasswordAttemptsInHourTo(c.SignIn);
        int networks = attempts.Select(a => IpNetwork.KeyOf(a.IpAddress)).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        bool newCountry = c.History.HasBaseline && c.History.KnownCountries.Count > 0
            && c.SignIn.CountryOrRegion is { Length: > 0 } country && !c.History.KnownCountries.Contains(country.Trim());
        if (attempts.Count < SignInRules.RepeatedPasswordAttempts || (networks < SignInRules.SprayNetworks && !newCountry))
        {
            return null;
        }

        return $"{attempts.Count} failed password attempts in the hour up to this one from {networks} network{(networks == 1 ? string.Empty : "s")} the user never signed in from"
            + (newCountry ? ", in a country the user never signed in from" : string.Empty)
            + ": password guessing or spray";
    }
}
