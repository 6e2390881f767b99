namespace IdentityContainment.Detection.AuthenticationMethods;

/// <summary>
/// One registration of security info the directory audit log records ("User registered security info" or "Admin
/// registered security info"): whose methods, when, and which kind of method when its wording names one. The audit log
/// is the registration time of record for the kinds Graph lists without a createdDateTime (phones, email, software
/// OATH, a Microsoft Authenticator not set up for passwordless phone sign-in).
/// </summary>
/// <param name="UserId">The object id of the user the method was registered for (the entry's first target).</param>
/// <param name="At">When it was registered (activityDateTime).</param>
/// <param name="Kind">The kind the wording names; null when it names none the module reads with confidence.</param>
/// <param name="PhoneType">For a phone: mobile, alternateMobile or office when the wording says which; else null.</param>
/// <param name="Wording">The entry's resultReason as the log gave it, for the reason a finding shows.</param>
public sealed record SecurityInfoRegistration(string UserId, DateTimeOffset At, AuthenticationMethodType? Kind, string? PhoneType, string Wording)
{
    /// <summary>Whether this registration can be the one that made <paramref name="method"/>: same user, and the kind (and phone type) named agree.</summary>
    public bool CanBe(AuthenticationMethodFacts method) =>
        method is not null
        && string.Equals(UserId, method.UserId, StringComparison.OrdinalIgnoreCase)
        && Kind is { } kind && kind == method.Type
        && (PhoneType is null || string.Equals(PhoneType, method.PhoneType, StringComparison.OrdinalIgnoreCase));
}
