using IdentityContainment.Graph;
using IdentityContainment.Users;

namespace IdentityContainment.Containment;

/// <summary>
/// What one user's revocation came to: Graph's answer to the disable (null when not asked) and to the revocation, the
/// user as read back afterwards, and whether this run already reported the same user under another name.
/// </summary>
internal sealed record UserRevocation(string Input, GraphBatchResult? Disable, GraphBatchResult Revoke, UserLookup ReadBack, bool ReportedBefore);
