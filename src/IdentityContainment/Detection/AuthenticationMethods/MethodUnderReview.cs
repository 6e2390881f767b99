namespace IdentityContainment.Detection.AuthenticationMethods;

/// <summary>A method and what it is judged against: the subject of the method rule table.</summary>
public sealed record MethodUnderReview(AuthenticationMethodFacts Method, MethodReviewCriteria Criteria)
{
    /// <summary>Registered at or after the compromise start.</summary>
    public bool RegisteredSinceCompromise =>
        Criteria.Since is { } since && Method.CreatedDateTime is { } created && created >= since;

    /// <summary>The registration time cannot place the method before the compromise: no date, and a compromise start to compare with.</summary>
    public bool RegistrationTimeUnknown => Criteria.Since is not null && Method.CreatedDateTime is null;

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
    public DateTimeOffset? DuringSuspiciousSignIn =>
        Method.CreatedDateTime is { } created ? Criteria.SignInBehind(Method.UserId, created) : null;

    public override string ToString() => $"{Method.Type.Name} {Method.Id} of {Method.UserPrincipalName ?? Method.UserId}";
}
