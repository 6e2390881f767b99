using IdentityContainment.Graph;

namespace IdentityContainment.Containment;

/// <summary>Graph's answers to a revocation batch, in input order, with when it was sent and answered.</summary>
internal sealed record SentRevocation(IReadOnlyList<GraphBatchResult> Answers, DateTimeOffset SentAt, DateTimeOffset AnsweredAt);
