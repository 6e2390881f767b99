using IdentityContainment.Sandbox;

namespace IdentityContainment.Benchmarks.MassContainment;

/// <summary>
/// Whether every user was contained exactly once: one successful revocation and one successful reset each (none
/// lost, none done twice), and whether the sandbox's ground truth agrees that no session or password foothold is open.
/// </summary>
internal sealed record ContainmentCheck
{
    /// <summary>Users missing a successful revocation or reset.</summary>
    public required int LostUsers { get; init; }

    /// <summary>Users with more than one successful revocation or reset.</summary>
    public required int DuplicatedUsers { get; init; }

    /// <summary>Session and password footholds of the target users that still work, by the sandbox's own state.</summary>
    public required int OpenFootholds { get; init; }

    public bool IsClean => LostUsers == 0 && DuplicatedUsers == 0 && OpenFootholds == 0;

    public static ContainmentCheck Of(IReadOnlyList<ActionRecord> actions, ISet<string> userIds, SandboxServer sandbox)
    {
        int lost = 0, duplicated = 0;
        ILookup<string, ActionRecord> succeeded = actions
            .Where(a => a.Status == ActionRecord.Succeeded)
            .ToLookup(a => a.UserId, StringComparer.OrdinalIgnoreCase);
        foreach (string id in userIds)
        {
            int revocations = succeeded[id].Count(a => a.Action == ActionRecord.RevokeSessionsAction);
            int resets = succeeded[id].Count(a => a.Action == ActionRecord.PasswordResetAction);
            lost += revocations == 0 || resets == 0 ? 1 : 0;
            duplicated += revocations > 1 || resets > 1 ? 1 : 0;
        }

        return new ContainmentCheck { LostUsers = lost, DuplicatedUsers = duplicated, OpenFootholds = OpenFootholdsOf(userIds, sandbox) };
    }

    public static int OpenFootholdsOf(ISet<string> userIds, SandboxServer sandbox) =>
        sandbox.EvaluateFootholds().Count(f => f.IsOpen && f.Kind is FootholdKind.Session or FootholdKind.Password && userIds.Contains(f.UserId));
}
