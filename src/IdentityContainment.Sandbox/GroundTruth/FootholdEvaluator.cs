namespace IdentityContainment.Sandbox;

/// <summary>
/// The ground truth: for each planted foothold, would it still let the attacker in, judged from the
/// sandbox's own state (never from what the module says it did). The rules, one per kind:
/// <list type="bullet">
/// <item>session: open while the account is enabled and the token was issued at or after the user's
/// signInSessionsValidFromDateTime. For a guest, revocation in this tenant does not reach the
/// home-tenant session, so only disabling the account closes it.</item>
/// <item>password: open while the account is enabled and the password is still the one the attacker
/// learned (unchanged since knownSince, or changed back to the same value).</item>
/// <item>oauthGrant: open while the grant exists and its client service principal exists and is enabled.</item>
/// <item>oauthApp: open while the client service principal exists and is enabled and still holds a delegated grant
/// (clientId) or an app role assignment (principalId, an application permission); removing one grant of several
/// leaves it open.</item>
/// <item>appRoleAssignment: open while the assignment exists.</item>
/// <item>inboxRule: open while the rule exists and is enabled; server-side rules run even when the
/// account is disabled, and hidden rules run though Graph does not list them.</item>
/// <item>mailboxForwarding: open while mailbox forwarding is set (ForwardingSmtpAddress or ForwardingAddress).</item>
/// <item>mailboxDelegation: open while the delegation exists.</item>
/// <item>authenticationMethod: open while the method is registered.</item>
/// <item>device: open while the device exists and is enabled.</item>
/// </list>
/// </summary>
public static class FootholdEvaluator
{
    public static IReadOnlyList<FootholdStatus> Evaluate(TenantState tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Footholds.Select(f => Evaluate(tenant, f)).ToArray();
    }

    public static FootholdStatus Evaluate(TenantState tenant, FootholdDefinition foothold)
    {
        var user = tenant.FindUser(foothold.UserId);
        var (isOpen, reason) = user is null && foothold.Kind is FootholdKind.Session or FootholdKind.Password
            ? (false, $"user {foothold.UserId} no longer exists.")
            : foothold.Kind switch
            {
                FootholdKind.Session => Session(foothold, user!),
                FootholdKind.Password => Password(tenant, foothold, user!),
                FootholdKind.OAuthGrant => OAuthGrant(tenant, foothold),
                FootholdKind.OAuthApp => OAuthApp(tenant, foothold),
                FootholdKind.AppRoleAssignment => AppRoleAssignment(tenant, foothold),
                FootholdKind.InboxRule => InboxRule(tenant, foothold),
                FootholdKind.MailboxForwarding => MailboxForwarding(tenant, foothold),
                FootholdKind.MailboxDelegation => MailboxDelegation(tenant, foothold),
                FootholdKind.AuthenticationMethod => AuthenticationMethod(tenant, foothold),
                FootholdKind.Device => Device(tenant, foothold),
                _ => throw new InvalidOperationException($"Unknown foothold kind {foothold.Kind}."),
            };
        return new FootholdStatus
        {
            Id = foothold.Id,
            Kind = foothold.Kind,
            UserId = foothold.UserId,
            UserPrincipalName = user?.UserPrincipalName,
            Target = foothold.Target ?? foothold.UserId,
            Description = foothold.Description,
            IsOpen = isOpen,
            Reason = reason,
        };
    }

    private static (bool, string) Session(FootholdDefinition foothold, UserRecord user)
    {
        var issued = foothold.IssuedDateTime!.Value;
        if (!user.AccountEnabled)
            return (false, $"account {user.UserPrincipalName} is disabled, so the refresh token issued {GraphTime.Format(issued)} cannot be redeemed.");
        if (user.IsGuest)
            return (true, $"guest {user.UserPrincipalName} signs in through the home tenant, which revocation here does not reach, and the account is enabled.");
        var validFrom = user.SignInSessionsValidFromDateTime;
        if (validFrom is not null && issued < validFrom)
            return (false, $"refresh token issued {GraphTime.Format(issued)} is before signInSessionsValidFromDateTime {GraphTime.Format(validFrom.Value)}.");
        return validFrom is null
            ? (true, $"refresh token issued {GraphTime.Format(issued)} is still valid: the user's sessions were never revoked.")
            : (true, $"refresh token issued {GraphTime.Format(issued)} is not before signInSessionsValidFromDateTime {GraphTime.Format(validFrom.Value)}.");
    }

    private static (bool, string) Password(TenantState tenant, FootholdDefinition foothold, UserRecord user)
    {
        var knownSince = foothold.KnownSince!.Value;
        if (!user.AccountEnabled)
            return (false, $"account {user.UserPrincipalName} is disabled, so the known password no longer signs in.");
        var changed = user.LastPasswordChangeDateTime;
        if (changed is null || changed <= knownSince)
            return (true, $"password unchanged since the attacker learned it at {GraphTime.Format(knownSince)}.");
        return tenant.WasKnownToAttacker(foothold.Id, user.Password!)
            ? (true, $"password was set at {GraphTime.Format(changed.Value)}, but to the same value the attacker has known since {GraphTime.Format(knownSince)}.")
            : (false, $"password changed at {GraphTime.Format(changed.Value)}, after the attacker learned it at {GraphTime.Format(knownSince)}.");
    }

    private static (bool, string) OAuthGrant(TenantState tenant, FootholdDefinition foothold)
    {
        var grant = tenant.FindPermissionGrant(foothold.Target!);
        if (grant is null)
            return (false, $"delegated permission grant {foothold.Target} no longer exists.");
        var client = tenant.FindServicePrincipal(grant.ClientId);
        if (client is null)
            return (false, $"the client service principal {grant.ClientId} of grant {grant.Id} no longer exists.");
        if (!client.AccountEnabled)
            return (false, $"grant {grant.Id} exists but its client '{client.DisplayName}' is disabled, so no token can be issued to it.");
        return (true, $"grant {grant.Id} still gives '{client.DisplayName}' the scopes '{grant.Scope.Trim()}'.");
    }

    private static (bool, string) OAuthApp(TenantState tenant, FootholdDefinition foothold)
    {
        var client = tenant.FindServicePrincipal(foothold.Target!);
        if (client is null)
            return (false, $"service principal {foothold.Target} no longer exists.");
        // Users assigned to the app (resourceId = the app) only let them sign in to it; the app's own access is its
        // grants (clientId) and the application permissions assigned to it (principalId).
        var (grants, appPermissions) = tenant.ConsentHeldBy(client.Id);
        if (grants + appPermissions == 0)
            return (false, $"'{client.DisplayName}' holds no delegated grant and no application permission any more.");
        if (!client.AccountEnabled)
            return (false, $"'{client.DisplayName}' still holds {grants} grant(s) and {appPermissions} application permission(s), but is disabled, so no token can be issued to it.");
        return (true, $"'{client.DisplayName}' is enabled and holds {grants} delegated grant(s) and {appPermissions} application permission(s).");
    }

    private static (bool, string) AppRoleAssignment(TenantState tenant, FootholdDefinition foothold)
    {
        var assignment = tenant.FindAppRoleAssignment(foothold.Target!);
        return assignment is null
            ? (false, $"app role assignment {foothold.Target} no longer exists.")
            : (true, $"app role assignment {assignment.Id} to '{assignment.ResourceDisplayName ?? assignment.ResourceId}' still exists.");
    }

    private static (bool, string) InboxRule(TenantState tenant, FootholdDefinition foothold)
    {
        var rule = tenant.FindMailbox(foothold.UserId)?.InboxRules.FirstOrDefault(r => r.Id == foothold.Target);
        if (rule is null)
            return (false, $"inbox rule {foothold.Target} no longer exists.");
        return rule.IsEnabled
            ? (true, $"inbox rule '{rule.DisplayName}' is enabled; server-side rules run even when the account is disabled.")
            : (false, $"inbox rule '{rule.DisplayName}' exists but is disabled.");
    }

    private static (bool, string) MailboxForwarding(TenantState tenant, FootholdDefinition foothold)
    {
        var forwarding = tenant.FindMailbox(foothold.UserId)?.Forwarding;
        if (forwarding is null)
            return (false, "mailbox forwarding is no longer set.");
        var to = new[] { forwarding.ForwardingSmtpAddress, forwarding.ForwardingAddress is { } contact ? $"'{contact}'" : null }.OfType<string>();
        return (true, $"mailbox still forwards to {string.Join(" and ", to)}.");
    }

    private static (bool, string) MailboxDelegation(TenantState tenant, FootholdDefinition foothold)
    {
        var delegation = tenant.FindMailbox(foothold.UserId)?.Delegations.FirstOrDefault(d => d.Id == foothold.Target);
        return delegation is null
            ? (false, $"mailbox delegation {foothold.Target} no longer exists.")
            : (true, $"{delegation.Trustee} still holds {string.Join(", ", delegation.AccessRights)} on the mailbox.");
    }

    private static (bool, string) AuthenticationMethod(TenantState tenant, FootholdDefinition foothold)
    {
        var method = tenant.FindAuthenticationMethod(foothold.UserId, foothold.Target!);
        return method is null
            ? (false, $"authentication method {foothold.Target} is no longer registered.")
            : (true, $"{method.Type} method {method.Id} is still registered and satisfies MFA for the attacker.");
    }

    private static (bool, string) Device(TenantState tenant, FootholdDefinition foothold)
    {
        var device = tenant.FindDevice(foothold.Target!);
        if (device is null)
            return (false, $"device {foothold.Target} no longer exists.");
        return device.AccountEnabled
            ? (true, $"device '{device.DisplayName}' is still registered and enabled.")
            : (false, $"device '{device.DisplayName}' is disabled.");
    }
}
