using IdentityContainment.Detection.SignIns;
using IdentityContainment.Errors;

namespace IdentityContainment.SignIns;

/// <summary>
/// What the sign-in log gave for one user and time range: the sign-ins, how many pages they took, and the error that
/// stopped the read, if one did. A read that stopped is partial, and is not judged as if it were the whole log.
/// </summary>
public sealed record UserSignIns(string UserId, DateTimeOffset From, DateTimeOffset Until, IReadOnlyList<SignInFacts> SignIns, int Pages, ContainmentException? Error)
{
    public bool IsComplete => Error is null;

    /// <summary>
    /// The history the rules judge: the sign-ins from <see cref="From"/> up to <paramref name="windowStart"/> are the
    /// user's baseline, those after it the window.
    /// </summary>
    public SignInHistory ToHistory(DateTimeOffset windowStart, DateTimeOffset? sessionsRevokedAt = null, IEnumerable<DateTimeOffset>? deviceRegistrations = null)
    {
        if (!IsComplete)
        {
            throw new InvalidOperationException($"The sign-in log of '{UserId}' was read only in part ({Error!.Message}); a partial log would make sign-ins look new that are not.");
        }

        return new SignInHistory(UserId, SignIns, windowStart, Until, sessionsRevokedAt, deviceRegistrations);
    }
}
