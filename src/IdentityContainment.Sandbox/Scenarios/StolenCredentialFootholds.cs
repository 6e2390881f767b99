namespace IdentityContainment.Sandbox;

/// <summary>
/// The two footholds every generated compromise leaves: the refresh token the attacker holds and the password they
/// know, both from the moment of the compromise. Each attack story says how it got them.
/// </summary>
internal static class StolenCredentialFootholds
{
    public static void Add(List<FootholdDefinition> footholds, int index, UserRecord user, DateTimeOffset compromisedAt, string howTheTokenWasStolen, string howThePasswordWasLearned)
    {
        footholds.Add(new FootholdDefinition
        {
            Id = $"fh-{index:D5}-session",
            Kind = FootholdKind.Session,
            UserId = user.Id,
            IssuedDateTime = compromisedAt,
            Description = howTheTokenWasStolen,
        });
        footholds.Add(new FootholdDefinition
        {
            Id = $"fh-{index:D5}-password",
            Kind = FootholdKind.Password,
            UserId = user.Id,
            KnownSince = compromisedAt,
            Description = howThePasswordWasLearned,
        });
    }
}
