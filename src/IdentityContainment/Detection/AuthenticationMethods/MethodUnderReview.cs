namespace IdentityContainment.Detection.AuthenticationMethods;

/// <summary>A method and what it is judged against: the subject of the method rule table.</summary>
public sealed record MethodUnderReview(AuthenticationMethodFacts Method, MethodReviewCriteria Criteria)
{
    /// <summary>Registered at or after the compromise start.</summary>
    public bool RegisteredSinceCompromise =>
        Criteria.Since is { } since && Method.CreatedDateTime is { } created && created >= since;

    /// <summary>
    /// The registration time cannot place the method before the compromise: a compromise start to compare with, no date
    /// from Graph, and none of its kind from the audit log either (a logged one is its own, stronger rule).
    /// </summary>
    public bool RegistrationTimeUnknown => Criteria.Since is not null && Method.CreatedDateTime is null && LoggedRegistrationSinceCompromise is null;

    /// <summary>
    /// For a method Graph gives no date: the latest registration of its kind (and phone type) the audit log records for
    /// the user since the compromise began. A dated method is judged by its own date, never by the log.
    /// </summary>
    public SecurityInfoRegistration? LoggedRegistrationSinceCompromise =>
        Method.CreatedDateTime is null ? Criteria.RegistrationsSinceCompromise(Method.UserId).FirstOrDefault(r => r.CanBe(Method)) : null;

    /// <summary>
    /// Whether the log's registrations of this method's kind since the compromise began are as many as the user's
    /// undated methods they could be: then each of those is one of them. Fewer (one Authenticator registered, two listed
    /// undated) and the log cannot say which is the attacker's.
    /// </summary>
    public bool LoggedRegistrationTellsItApart
    {
        get
        {
            SecurityInfoRegistration[] logged = Criteria.RegistrationsSinceCompromise(Method.UserId).Where(r => r.CanBe(Method)).ToArray();
            int lookalikes = Method.UndatedOfUser.Count(other => logged.Any(r => r.CanBe(other)));
            return logged.Length > 0 && logged.Length >= lookalikes;
        }
    }

    /// <summary>
    /// For a method Graph gives no date: the latest registration since the compromise began whose wording names no kind
    /// the module reads, so it may have made this method.
    /// </summary>
    public SecurityInfoRegistration? UnnamedRegistrationSinceCompromise =>
        Method.CreatedDateTime is null ? Criteria.RegistrationsSinceCompromise(Method.UserId).FirstOrDefault(r => r.Kind is null) : null;

    /// <summary>A Temporary Access Pass that signs in now: as Graph marks it, or, when Graph did not say, by its start and lifetime.</summary>
    public bool IsActiveTemporaryAccessPass =>
        Method.Type == AuthenticationMethodType.TemporaryAccessPass
        && (Method.IsUsable ?? (Method.StartDateTime is { } start && Method.LifetimeInMinutes is { } minutes
            && Criteria.Now >= start && Criteria.Now < start.AddMinutes(minutes)));

    /// <summary>The phone's calling code when it is not the code of the user's usage location; null when they agree or either is unknown.</summary>
    public string? ForeignCallingCode
    {
        get
        {
            if (Method.Type != AuthenticationMethodType.Phone || CallingCodes.OfCountry(Method.UsageLocation) is not { } home
                || PhoneNumbers.InternationalDigits(Method.PhoneNumber) is not { } digits)
            {
                return null;
            }

            return digits.StartsWith(home, StringComparison.Ordinal) ? null : CallingCodes.CodeOf(digits) ?? digits.Substring(0, Math.Min(3, digits.Length));
        }
    }

    /// <summary>The flagged sign-in whose session the registration falls in, if any.</summary>
    public DateTimeOffset? DuringSuspiciousSignIn => RegistrationDuringSuspiciousSignIn?.SignIn;

    /// <summary>
    /// The registration time that falls in a flagged sign-in's session, and that sign-in: the method's own date, or for a
    /// method Graph gives none, a registration of its kind the audit log records for the user.
    /// </summary>
    public (DateTimeOffset Registered, DateTimeOffset SignIn)? RegistrationDuringSuspiciousSignIn
    {
        get
        {
            IEnumerable<DateTimeOffset> times = Method.CreatedDateTime is { } created
                ? new[] { created }
                : Criteria.Registrations.Where(r => r.CanBe(Method)).Select(r => r.At).OrderByDescending(at => at);
            foreach (DateTimeOffset registered in times)
            {
                if (Criteria.SignInBehind(Method.UserId, registered) is { } signIn)
                {
                    return (registered, signIn);
                }
            }

            return null;
        }
    }

    public override string ToString() => $"{Method.Type.Name} {Method.Id} of {Method.UserPrincipalName ?? Method.UserId}";
}
