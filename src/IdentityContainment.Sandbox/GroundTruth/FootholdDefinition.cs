using System.Text.Json.Serialization;

namespace IdentityContainment.Sandbox;

/// <summary>One way the attacker can still get in, as the scenario plants it.</summary>
public sealed record FootholdDefinition
{
    public required string Id { get; init; }
    public required FootholdKind Kind { get; init; }

    /// <summary>The compromised user's object id (scenario files may give the UPN).</summary>
    public required string UserId { get; init; }

    /// <summary>
    /// The object the foothold lives in: grant id, app role assignment id, client service principal id (oauthApp), inbox rule id, mailbox
    /// delegation id, authentication method id or device object id. Session, password and mailbox
    /// forwarding footholds need none (the user is the target).
    /// </summary>
    public string? Target { get; init; }
    public required string Description { get; init; }

    /// <summary>session: when the stolen refresh token / session cookie was issued.</summary>
    public DateTimeOffset? IssuedDateTime { get; init; }

    /// <summary>password: since when the attacker knows the current password.</summary>
    public DateTimeOffset? KnownSince { get; init; }
}

public enum FootholdKind
{
    Session,
    Password,
    [JsonStringEnumMemberName("oauthGrant")]
    OAuthGrant,

    /// <summary>A consented app as a whole: every delegated grant and application permission its client service principal holds.</summary>
    [JsonStringEnumMemberName("oauthApp")]
    OAuthApp,
    AppRoleAssignment,
    InboxRule,
    MailboxForwarding,
    MailboxDelegation,
    AuthenticationMethod,
    Device,
}
