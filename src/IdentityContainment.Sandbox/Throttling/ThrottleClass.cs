namespace IdentityContainment.Sandbox;

/// <summary>Which of Graph's service limits a route falls under.</summary>
internal enum ThrottleClass
{
    /// <summary>Not throttled (the $batch envelope itself, sandbox paths).</summary>
    None,

    /// <summary>Users, devices, service principals, grants...: resource units plus the write quota.</summary>
    IdentityAndAccess,

    /// <summary>Risky users, risk detections, Conditional Access: 1 request per second, no Retry-After.</summary>
    IdentityProtection,

    /// <summary>Sign-in and audit logs: a few requests per app per ten seconds.</summary>
    Reports,

    /// <summary>
    /// Outlook (messages, mail folders, message rules, mailbox settings): 10,000 requests per 10 minutes per app and
    /// mailbox, besides the 4-in-flight limit the router holds (CONTRACT §13).
    /// </summary>
    Outlook,
}
