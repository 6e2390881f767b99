using IdentityContainment.Errors;

namespace IdentityContainment.SignIns;

/// <summary>One user's judged sign-ins, or why their log could not be judged (a refusal, a partial read).</summary>
public sealed record UserSignInVerdict(ContainmentUser User, IReadOnlyList<SignInFinding> Findings, ContainmentException? Error);
