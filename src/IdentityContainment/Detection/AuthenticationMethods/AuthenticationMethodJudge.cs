namespace IdentityContainment.Detection.AuthenticationMethods;

/// <summary>
/// Judges a user's methods with the method table and turns each one a rule fired on into a complete
/// <see cref="AuthenticationMethodFinding"/>. The password is never a finding (it cannot be deleted, and the reset
/// deals with it). No I/O: the same facts and criteria give the same finding.
/// </summary>
public static class AuthenticationMethodJudge
{
    /// <summary>
    /// The finding, or null when the method is the password, or when no rule fired (the user's own older methods) unless
    /// <paramref name="includeNonSuspicious"/> asks for those too, as RiskLevel None (-IncludeNonSuspicious).
    /// </summary>
    public static AuthenticationMethodFinding? Judge(AuthenticationMethodFacts method, MethodReviewCriteria criteria, bool includeNonSuspicious = false)
    {
        if (method is null)
        {
            throw new ArgumentNullException(nameof(method));
        }

        if (method.Type == AuthenticationMethodType.Password)
        {
            return null;
        }

        Assessment assessment = AuthenticationMethodRules.Table.Assess(new MethodUnderReview(method, criteria ?? throw new ArgumentNullException(nameof(criteria))));
        if (!assessment.IsFinding && !includeNonSuspicious)
        {
            return null;
        }

        return new AuthenticationMethodFinding
        {
            UserId = method.UserId,
            UserPrincipalName = method.UserPrincipalName,
            MethodId = method.Id,
            Type = method.Type.Name,
            ODataType = method.ODataType,
            DisplayDetail = MethodDisplayDetail.Of(method),
            CreatedDateTime = method.CreatedDateTime,
            DeletePath = method.Type.Deletable ? method.Type.ItemPath(method.UserId, method.Id) : null,
            BeforeImage = method.BeforeImage,
            RiskLevel = assessment.Level.ToString(),
            Score = assessment.Score,
            ReasonCodes = assessment.ReasonCodes,
            Reasons = assessment.Reasons,
        };
    }
}
