namespace IdentityContainment.Graph.Budgets;

/// <summary>
/// Which of Graph's service limits a request is counted against (CONTRACT §13, throttling-limits.md). Each class has
/// its own budget in <see cref="ThrottleBudgets"/>; a request counts against exactly one.
/// </summary>
public enum RequestClass
{
    /// <summary>No documented limit of its own beyond the global one: not paced.</summary>
    Other,

    /// <summary>The $batch envelope: its items are budgeted one by one, never the envelope.</summary>
    BatchEnvelope,

    /// <summary>Reads of directory objects (users, devices, service principals, grants...): resource units, not paced.</summary>
    IdentityRead,

    /// <summary>POST, PATCH, PUT, DELETE on directory objects: the write quota (3,000 per 150 s per app and tenant).</summary>
    IdentityWrite,

    /// <summary>Risky users, risk detections, Conditional Access: 1 request per second per tenant, no Retry-After.</summary>
    IdentityProtection,

    /// <summary>
    /// The identity and access reports: sign-in and audit logs (/auditLogs/...) and users' authentication methods
    /// (/users/{id}/authentication/...), 5 requests per 10 s per app and tenant, shared by them all.
    /// </summary>
    AuditLogs,

    /// <summary>Mail, folders, inbox rules, mailbox settings...: 4 concurrent requests per app and mailbox.</summary>
    Outlook,
}
