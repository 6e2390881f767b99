using System.Runtime.CompilerServices;
using IdentityContainment.Connection;
using IdentityContainment.Detection.SignIns;

namespace IdentityContainment.SignIns;

/// <summary>
/// Reads and judges users' sign-ins for a window: each user's log from the baseline's start, judged from -Since with
/// their own revocation time (the user's signInSessionsValidFromDateTime), and device registrations known from elsewhere
/// when the caller has them. What Get-SuspiciousSignIn runs; one user's refusal is that user's verdict, the rest go on.
/// The log is asked in the shape that needs fewer requests (<see cref="SignInQueryPlan"/>) unless the caller names one.
/// </summary>
public static class SignInHunt
{
    public static async IAsyncEnumerable<UserSignInVerdict> JudgeEachAsync(
        GraphConnection connection,
        IReadOnlyList<ContainmentUser> users,
        SignInWindow window,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        SignInHuntOptions? options = null)
    {
        options ??= new SignInHuntOptions();
        var byId = users.GroupBy(u => u.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        SignInLogProbe? probe = null;
        int slices = 1;
        SignInQueryShape shape;
        if (options.Shape is { } named)
        {
            shape = named;
        }
        else if (!SignInQueryPlan.WorthProbing(byId.Count))
        {
            SignInQueryChoice few = SignInQueryPlan.WithoutProbe(byId.Count);
            options.ShapeChosen?.Invoke(few);
            shape = few.Shape;
        }
        else
        {
            probe = await SignInReader.ProbeAsync(connection, window.ReadFrom, window.End, cancellationToken).ConfigureAwait(false);

            // A refused probe is the time range's refusal: every user's, with no request more.
            SignInQueryChoice choice = probe.Error is null
                ? SignInQueryPlan.Choose(probe.Sample(byId.Keys), byId.Keys, window.ReadFrom, window.End)
                : new SignInQueryChoice(SignInQueryShape.TimeRange, byId.Count + 1, 1, $"The log refused its first page: {probe.Error.Message}");
            options.ShapeChosen?.Invoke(choice);
            shape = choice.Shape;
            slices = choice.Slices;
        }

        if (shape == SignInQueryShape.TimeRange)
        {
            foreach (UserSignIns read in await SignInReader.ReadWindowAsync(connection, byId.Keys, window.ReadFrom, window.End, cancellationToken, probe, slices).ConfigureAwait(false))
            {
                yield return Judge(read, byId, window, options);
            }

            yield break;
        }

        await foreach (UserSignIns read in SignInReader.ReadEachAsync(connection, byId.Keys, window.ReadFrom, window.End, cancellationToken).ConfigureAwait(false))
        {
            yield return Judge(read, byId, window, options);
        }
    }

    private static UserSignInVerdict Judge(UserSignIns read, Dictionary<string, ContainmentUser> byId, SignInWindow window, SignInHuntOptions options)
    {
        ContainmentUser user = byId.TryGetValue(read.UserId, out ContainmentUser? known) ? known : new ContainmentUser { Id = read.UserId };
        if (!read.IsComplete)
        {
            return new UserSignInVerdict(user, Array.Empty<SignInFinding>(), read.Error);
        }

        IEnumerable<DateTimeOffset>? registrations = options.DeviceRegistrations is { } perUser && perUser.TryGetValue(user.Id, out IReadOnlyList<DateTimeOffset>? times) ? times : null;
        SignInHistory history = read.ToHistory(window.Start, user.SignInSessionsValidFromDateTime, registrations);
        return new UserSignInVerdict(user, SignInJudge.Judge(history, options.IncludeNonSuspicious).Where(options.Reports).ToArray(), null);
    }
}
