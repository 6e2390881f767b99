using System.Text.Json.Nodes;
using IdentityContainment.Applications;

namespace IdentityContainment.Engine.Tests.Applications;

/// <summary>The whole-tenant hunt counts consenting users from the grant list itself, holding back only what the count can change.</summary>
public sealed class ConsenterTallyTests
{
    [Fact]
    public void An_apps_grants_wait_until_it_has_more_consenters_than_few_and_are_then_released_together()
    {
        var tally = new ConsenterTally();

        IReadOnlyList<DelegatedGrant> first = tally.Add(new[] { Grant("g1", "popular", "u1"), Grant("g2", "popular", "u2"), Grant("g3", "rare", "u1") });
        IReadOnlyList<DelegatedGrant> second = tally.Add(new[] { Grant("g4", "popular", "u2"), Grant("g5", "popular", "u3"), Grant("g6", "popular", "u4") });

        Assert.Empty(first);
        Assert.Equal(new[] { "g1", "g2", "g4", "g5", "g6" }, second.Select(g => g.Id).Order());
        Assert.Equal(ConsenterTally.Enough, tally.Counts["popular"]);
    }

    [Fact]
    public void What_is_still_held_at_the_end_has_its_exact_count_and_a_tenant_wide_grant_counts_nobody()
    {
        var tally = new ConsenterTally();
        tally.Add(new[] { Grant("g1", "rare", "u1"), Grant("g2", "rare", "u1"), Grant("g3", "admin-only", null), Grant("g4", "pair", "u1"), Grant("g5", "pair", "u2") });

        IReadOnlyList<DelegatedGrant> rest = tally.Rest();

        Assert.Equal(new[] { "g1", "g2", "g3", "g4", "g5" }, rest.Select(g => g.Id).Order());
        Assert.Equal((1, 0, 2), (tally.Counts["rare"], tally.Counts["admin-only"], tally.Counts["pair"]));
        Assert.Empty(tally.Rest());
    }

    private static DelegatedGrant Grant(string id, string client, string? user) =>
        new(id, client, user is null ? "AllPrincipals" : "Principal", user, "graph", new[] { "Mail.Read" }, new JsonObject());
}
