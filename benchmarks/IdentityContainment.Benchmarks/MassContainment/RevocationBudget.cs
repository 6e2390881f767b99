namespace IdentityContainment.Benchmarks.MassContainment;

/// <summary>
/// What revoking N users may cost in requests: one batch per 20 revocations (Graph's batch limit), plus the read-back
/// of the evidence at 300 users per batch (20 list queries of 15 ids, Graph's limit for <c>in</c>), plus the one
/// <c>GET /organization</c> with which Connect-IdentityContainment proves the connection. A batch sent again after a
/// 429 is a request too; the report shows 429s next to the count.
/// </summary>
internal sealed record RevocationBudget(int Users, TimeSpan Wall, GraphTraffic Traffic, int RevokedUsers)
{
    public const int UsersPerWriteBatch = 20;
    public const int UsersPerReadBatch = 300;
    public const int ConnectionProbes = 1;

    public int WriteBatchesAllowed => Ceiling(Users, UsersPerWriteBatch);

    public int ReadBatchesAllowed => Ceiling(Users, UsersPerReadBatch);

    public int RequestsAllowed => WriteBatchesAllowed + ReadBatchesAllowed + ConnectionProbes;

    public bool GoalMet => Traffic.HttpRequests <= RequestsAllowed && RevokedUsers == Users;

    private static int Ceiling(int value, int divisor) => (value + divisor - 1) / divisor;
}
