namespace IdentityContainment.Sandbox;

/// <summary>The part a compromised generated user plays besides being compromised.</summary>
internal enum CompromisedRole
{
    Ordinary,
    GlobalAdministrator,
    Synced,
    Guest,
}

/// <summary>
/// Which generated users are compromised, and which of them are Global Administrators, synced users
/// or guests. Pure arithmetic on the user's index, no random draws, so the choice is the same for
/// every seed and adding special victims does not change the rest of a generated tenant.
/// </summary>
internal static class CompromisedRoles
{
    /// <summary>Spreads exactly CompromisedUsers over the generated users (every k-th when Users is a multiple).</summary>
    public static bool IsCompromised(int index, GeneratedTenantOptions options) =>
        options.CompromisedUsers > 0 && (long)index * options.CompromisedUsers % options.Users < options.CompromisedUsers;

    /// <summary>User index → role, for the compromised users that have one.</summary>
    public static Dictionary<int, CompromisedRole> Assign(GeneratedTenantOptions options)
    {
        var roles = new Dictionary<int, CompromisedRole>();
        if (options.CompromisedGlobalAdministrators + options.CompromisedSyncedUsers + options.CompromisedGuests == 0)
            return roles;
        var remaining = Enumerable.Range(0, options.Users).Where(i => IsCompromised(i, options)).ToList();
        Pick(CompromisedRole.GlobalAdministrator, options.CompromisedGlobalAdministrators);
        Pick(CompromisedRole.Synced, options.CompromisedSyncedUsers);
        Pick(CompromisedRole.Guest, options.CompromisedGuests);
        return roles;

        void Pick(CompromisedRole role, int count)
        {
            if (count == 0)
                return;
            var n = remaining.Count;
            // The same even spread, shifted by half a list so the picks sit away from the ends.
            var picked = remaining.Where((_, j) => ((long)j * count + n / 2) % n < count).ToList();
            foreach (var index in picked)
                roles[index] = role;
            remaining = remaining.Except(picked).ToList();
        }
    }
}
