namespace IdentityContainment.Sandbox;

/// <summary>Every Graph operation the sandbox serves. Later areas add their routes here.</summary>
internal static class GraphRouteTable
{
    private const string DeviceCast = "microsoft.graph.device";

    public static IReadOnlyList<GraphRoute> Create(PasswordResetOperations passwordResets)
    {
        var resetPassword = new ResetPasswordHandler(passwordResets);
        var getOperation = new GetAuthenticationOperationHandler(passwordResets);
        return
        [
            new("GET", "organization", GraphPermissions.ReadOrganization, OrganizationHandlers.List),
            new("GET", "organization/{id}", GraphPermissions.ReadOrganization, OrganizationHandlers.Get),
            // Listing users costs 2 resource units; reading one costs 1 (CONTRACT §13).
            new("GET", "users", GraphPermissions.ReadUsers, ListUsersHandler.Handle, baseCost: 2),
            new("GET", "users/{id}", GraphPermissions.ReadUsers, GetUserHandler.Handle),
            new("PATCH", "users/{id}", GraphPermissions.UpdateUserAny, UpdateUserHandler.Handle),
            new("POST", "users/{id}/revokeSignInSessions", GraphPermissions.RevokeSessions, RevokeSignInSessionsHandler.Handle),

            // Password reset through the authentication methods API: a directory write like any other.
            new("POST", "users/{id}/authentication/methods/{methodId}/resetPassword", GraphPermissions.ResetPasswordThroughMethods, resetPassword.Handle),
            new("GET", "users/{id}/authentication/operations/{operationId}", GraphPermissions.ReadAuthenticationOperations, getOperation.Handle),

            // Authentication methods (CONTRACT §7): the polymorphic list and one method by id, then each type's own
            // collection, item and (where the CSDL allows) delete. Costs are not documented (CONTRACT §13): 1 unit each.
            new("GET", "users/{id}/authentication/methods", GraphPermissions.ReadAuthenticationMethods, AuthenticationMethodHandlers.List),
            new("GET", "users/{id}/authentication/methods/{methodId}", GraphPermissions.ReadAuthenticationMethods, AuthenticationMethodHandlers.Get),
            .. AuthenticationMethodRoutes(),

            new("GET", "users/{id}/registeredDevices", GraphPermissions.ReadUserDevices, UserDevicesHandler.Registered),
            new("GET", $"users/{{id}}/registeredDevices/{DeviceCast}", GraphPermissions.ReadUserDevices, UserDevicesHandler.Registered),
            new("GET", "users/{id}/ownedDevices", GraphPermissions.ReadUserDevices, UserDevicesHandler.Owned),
            new("GET", $"users/{{id}}/ownedDevices/{DeviceCast}", GraphPermissions.ReadUserDevices, UserDevicesHandler.Owned),
            new("GET", "devices/{id}", GraphPermissions.ReadDevices, DeviceHandlers.Get),
            new("PATCH", "devices/{id}", GraphPermissions.WriteDevices, DeviceHandlers.Update),
            new("DELETE", "devices/{id}", GraphPermissions.WriteDevices, DeviceHandlers.Delete),
            // devices(deviceId='...'): GraphPath makes the alternate key the segments "devices(deviceId)" and the value.
            new("GET", "devices(deviceId)/{deviceId}", GraphPermissions.ReadDevices, DeviceHandlers.GetByDeviceId),
            new("PATCH", "devices(deviceId)/{deviceId}", GraphPermissions.WriteDevices, DeviceHandlers.UpdateByDeviceId),
            new("DELETE", "devices(deviceId)/{deviceId}", GraphPermissions.WriteDevices, DeviceHandlers.DeleteByDeviceId),

            // Consent and applications (CONTRACT §4, §5). Listing grants and reading one cost 2 resource units, as does
            // a service principal's appRoleAssignments (CONTRACT §13); other reads 1.
            new("GET", "oauth2PermissionGrants", GraphPermissions.ReadPermissionGrants, PermissionGrantHandlers.List, baseCost: 2),
            new("POST", "oauth2PermissionGrants", GraphPermissions.WritePermissionGrants, PermissionGrantHandlers.Create),
            new("GET", "oauth2PermissionGrants/{id}", GraphPermissions.ReadPermissionGrants, PermissionGrantHandlers.Get, baseCost: 2),
            new("DELETE", "oauth2PermissionGrants/{id}", GraphPermissions.WritePermissionGrants, PermissionGrantHandlers.Delete),
            new("GET", "users/{id}/oauth2PermissionGrants", GraphPermissions.ReadPermissionGrants, PermissionGrantHandlers.ListForUser),
            new("GET", "users/{id}/appRoleAssignments", GraphPermissions.ReadUserAppRoleAssignments, AppRoleAssignmentHandlers.ListForUser),
            new("DELETE", "users/{id}/appRoleAssignments/{assignmentId}", GraphPermissions.DeleteUserAppRoleAssignment, AppRoleAssignmentHandlers.DeleteForUser),
            new("GET", "servicePrincipals", GraphPermissions.ReadServicePrincipals, ServicePrincipalHandlers.List),
            new("GET", "servicePrincipals/{id}", GraphPermissions.ReadServicePrincipals, ServicePrincipalHandlers.Get),
            new("PATCH", "servicePrincipals/{id}", GraphPermissions.UpdateServicePrincipal, ServicePrincipalHandlers.Update),
            // servicePrincipals(appId='...'): GraphPath makes the alternate key the segments "servicePrincipals(appId)" and the value.
            new("GET", "servicePrincipals(appId)/{appId}", GraphPermissions.ReadServicePrincipals, ServicePrincipalHandlers.GetByAppId),
            new("PATCH", "servicePrincipals(appId)/{appId}", GraphPermissions.UpdateServicePrincipal, ServicePrincipalHandlers.UpdateByAppId),
            new("GET", "servicePrincipals/{id}/appRoleAssignedTo", GraphPermissions.ReadServicePrincipalAssignments, AppRoleAssignmentHandlers.ListAssignedTo),
            new("POST", "servicePrincipals/{id}/appRoleAssignedTo", GraphPermissions.CreateAppRoleAssignment, AppRoleAssignmentHandlers.CreateAssignedTo),
            new("DELETE", "servicePrincipals/{id}/appRoleAssignedTo/{assignmentId}", GraphPermissions.DeleteAppRoleAssignment, AppRoleAssignmentHandlers.DeleteAssignedTo),
            new("GET", "servicePrincipals/{id}/appRoleAssignments", GraphPermissions.ReadServicePrincipalAssignments, AppRoleAssignmentHandlers.ListOfServicePrincipal, baseCost: 2),

            // Audit logs are in the reports service's limit (CONTRACT §13), not the directory's resource units.
            new("GET", "auditLogs/directoryAudits", GraphPermissions.ReadDirectoryAudits, DirectoryAuditHandlers.List, ThrottleClass.Reports),
            new("GET", "auditLogs/signIns", GraphPermissions.ReadSignIns, SignInHandlers.List, ThrottleClass.Reports),

            // Outlook (CONTRACT §6): not directory requests, so they cost no resource units and count against no directory quota;
            // they count against Outlook's 10,000 requests per 10 minutes per app and mailbox, and the router holds each against
            // Outlook's 4-in-flight limit (CONTRACT §13).
            new("GET", "users/{id}/mailFolders/inbox/messageRules", GraphPermissions.ReadMailboxSettings, MessageRuleHandlers.List, ThrottleClass.Outlook),
            new("GET", "users/{id}/mailFolders/inbox/messageRules/{ruleId}", GraphPermissions.ReadMailboxSettings, MessageRuleHandlers.Get, ThrottleClass.Outlook),
            new("PATCH", "users/{id}/mailFolders/inbox/messageRules/{ruleId}", GraphPermissions.WriteMailboxSettings, MessageRuleHandlers.Update, ThrottleClass.Outlook),
            new("DELETE", "users/{id}/mailFolders/inbox/messageRules/{ruleId}", GraphPermissions.WriteMailboxSettings, MessageRuleHandlers.Delete, ThrottleClass.Outlook),
            new("GET", "users/{id}/mailFolders", GraphPermissions.ReadMailFolders, MailFolderHandlers.List, ThrottleClass.Outlook),
            new("GET", "users/{id}/mailFolders/{folderId}", GraphPermissions.ReadMailFolders, MailFolderHandlers.Get, ThrottleClass.Outlook),
            new("GET", "users/{id}/mailFolders/{folderId}/childFolders", GraphPermissions.ReadMailFolders, MailFolderHandlers.ListChildFolders, ThrottleClass.Outlook),
            new("GET", "users/{id}/mailboxSettings", GraphPermissions.ReadMailboxSettings, MailboxSettingsHandler.Get, ThrottleClass.Outlook),
            new("GET", "domains", GraphPermissions.ReadDomains, DomainHandlers.List),

            // Identity Protection has its own limit (1 request per second per tenant, no Retry-After)
            // and does not count against the directory's write quota. The actions come before {id}.
            new("POST", "identityProtection/riskyUsers/confirmCompromised", GraphPermissions.WriteRiskyUsers, RiskyUserHandlers.ConfirmCompromised, ThrottleClass.IdentityProtection),
            new("POST", "identityProtection/riskyUsers/dismiss", GraphPermissions.WriteRiskyUsers, RiskyUserHandlers.Dismiss, ThrottleClass.IdentityProtection),
            new("GET", "identityProtection/riskyUsers", GraphPermissions.ReadRiskyUsers, RiskyUserHandlers.List, ThrottleClass.IdentityProtection),
            new("GET", "identityProtection/riskyUsers/{id}", GraphPermissions.ReadRiskyUsers, RiskyUserHandlers.Get, ThrottleClass.IdentityProtection),
        ];
    }

    private static IEnumerable<GraphRoute> AuthenticationMethodRoutes()
    {
        foreach (var kind in AuthenticationMethodKind.All)
        {
            yield return new("GET", $"users/{{id}}/authentication/{kind.Segment}", GraphPermissions.ReadAuthenticationMethods, AuthenticationMethodHandlers.ListOf(kind));
            yield return new("GET", $"users/{{id}}/authentication/{kind.Segment}/{{methodId}}", GraphPermissions.ReadAuthenticationMethods, AuthenticationMethodHandlers.GetOf(kind));
            if (kind.Delete is { } delete)
                yield return new("DELETE", $"users/{{id}}/authentication/{kind.Segment}/{{methodId}}", delete, AuthenticationMethodHandlers.DeleteOf(kind));
        }
    }
}
