namespace IdentityContainment.Sandbox;

/// <summary>Graph's identity resource-unit cost of one request (CONTRACT §13).</summary>
internal static class ResourceUnitCost
{
    /// <summary>
    /// Base cost (listing users and grants costs 2, other reads and all writes 1), then $select −1,
    /// $expand +1, $top below 20 −1, never below 1.
    /// </summary>
    public static int Of(int baseCost, ODataQuery query)
    {
        var cost = baseCost;
        if (query.Select is not null)
            cost--;
        if (query.Has("$expand"))
            cost++;
        if (query.Top is < 20)
            cost--;
        return Math.Max(1, cost);
    }
}
