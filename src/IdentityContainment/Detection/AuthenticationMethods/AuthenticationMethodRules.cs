using System.Globalization;

namespace IdentityContainment.Detection.AuthenticationMethods;

/// <summary>
/// The authentication method red flags of DETECTION.md ("Identity footholds"), as data. A method registered after the
/// compromise began is High alone: it is how an attacker passes MFA or self-service reset after the password is
/// changed. Graph lists phones, email, software OATH and most Microsoft Authenticators without a date, so for those the
/// directory audit log's security info registrations are the time of record: one of the method's kind since the
/// compromise began is High alone too, and one whose wording names no kind makes the user's undated methods Medium.
/// Registered within a flagged sign-in's session, an active Temporary Access Pass, a phone in another country than the
/// user's and a kind the module does not know are Medium alone. A method without a registration date is Low:
/// it cannot be shown to be the user's own. The user's own older methods fire nothing.
/// </summary>
public static class AuthenticationMethodRules
{
    public static readonly RuleTable<MethodUnderReview> Table = new(new[]
    {
        new DetectionRule<MethodUnderReview>(
            "AuthMethodRegisteredSinceCompromise",
            70,
            m => m.RegisteredSinceCompromise,
            m => $"was registered {At(m.Method.CreatedDateTime!.Value)}, after the compromise began ({At(m.Criteria.Since!.Value)})"),
        new DetectionRule<MethodUnderReview>(
            "AuthMethodRegisteredSinceCompromiseByAuditLog",
            70,
            m => m.LoggedRegistrationSinceCompromise is not null && m.LoggedRegistrationTellsItApart,
            m => $"has no registration date in Graph, and the directory audit log records \"{m.LoggedRegistrationSinceCompromise!.Wording}\" for this user {At(m.LoggedRegistrationSinceCompromise.At)}, after the compromise began ({At(m.Criteria.Since!.Value)}): the time comes from the audit log"),
        new DetectionRule<MethodUnderReview>(
            "AuthMethodLoggedRegistrationAmbiguous",
            40,
            m => m.LoggedRegistrationSinceCompromise is not null && !m.LoggedRegistrationTellsItApart,
            m => $"has no registration date in Graph; the directory audit log records \"{m.LoggedRegistrationSinceCompromise!.Wording}\" for this user {At(m.LoggedRegistrationSinceCompromise.At)}, after the compromise began, but the user has {m.Method.UndatedOfUser.Count(o => m.LoggedRegistrationSinceCompromise.CanBe(o))} undated methods it could be: compare them in the Entra admin center (device name, app version) before removing one"),
        new DetectionRule<MethodUnderReview>(
            "AuthMethodUndatedAmidUnnamedRegistration",
            40,
            m => m.UnnamedRegistrationSinceCompromise is not null,
            m => $"has no registration date in Graph, and the directory audit log records a registration for this user {At(m.UnnamedRegistrationSinceCompromise!.At)}, after the compromise began, whose kind it does not name (\"{m.UnnamedRegistrationSinceCompromise.Wording}\"): this may be that method"),
        new DetectionRule<MethodUnderReview>(
            "AuthMethodRegisteredDuringSuspiciousSignIn",
            50,
            m => m.DuringSuspiciousSignIn is not null,
            m => $"was registered {At(m.RegistrationDuringSuspiciousSignIn!.Value.Registered)}{(m.Method.CreatedDateTime is null ? " (by the directory audit log)" : string.Empty)}, within {MethodReviewCriteria.SignInSessionSpan.TotalMinutes:0} minutes of a suspicious sign-in at {At(m.RegistrationDuringSuspiciousSignIn!.Value.SignIn)}"),
        new DetectionRule<MethodUnderReview>(
            "AuthMethodActiveTemporaryAccessPass",
            50,
            m => m.IsActiveTemporaryAccessPass,
            m => $"is a Temporary Access Pass that signs in now{Lifetime(m.Method)}: whoever holds it passes MFA"),
        new DetectionRule<MethodUnderReview>(
            "AuthMethodPhoneAbroad",
            40,
            m => m.ForeignCallingCode is not null,
            m => $"is a phone in +{m.ForeignCallingCode} ({CallingCodes.CountriesOf(m.ForeignCallingCode!) ?? "a country code the module's table does not name"}) while the user's usage location is {m.Method.UsageLocation!.ToUpperInvariant()} (+{CallingCodes.OfCountry(m.Method.UsageLocation)})"),
        new DetectionRule<MethodUnderReview>(
            "AuthMethodUnknownType",
            40,
            m => !m.Method.Type.IsKnown,
            m => $"is of a kind the module does not know ({m.Method.ODataType ?? "no @odata.type"}): look at it in the Entra admin center; the module cannot remove it"),
        new DetectionRule<MethodUnderReview>(
            "AuthMethodRegistrationTimeUnknown",
            10,
            m => m.RegistrationTimeUnknown,
            "has no registration date in Graph, so it cannot be shown to predate the compromise: check the audit log (Authentication Methods, \"User registered security info\")"),
    });

    private static string At(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Lifetime(AuthenticationMethodFacts pass) =>
        pass.StartDateTime is { } start && pass.LifetimeInMinutes is { } minutes
            ? $" (from {At(start)} for {minutes} minutes{(pass.IsUsableOnce == true ? ", once" : string.Empty)})"
            : string.Empty;
}
