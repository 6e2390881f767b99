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

            new("GET", "users/{id}/registeredDevices", GraphPermissions.ReadUserDevices, UserDevicesHandler.Registered),
            new("GET", $"users/{{id}}/registeredDevices/{DeviceCast}", GraphPermissions.ReadUserDevices, UserDevicesHandler.Registered),
            new("GET", "users/{id}/ownedDevices", GraphPermissions.ReadUserDevices, UserDevicesHandler.Owned),
            new("GET", $"users/{{id}}/ownedDevices/{DeviceCast}", GraphPermissions.ReadUserDevices, UserDevicesHandler.Owned),
            new("GET", "devices/{id}", GraphPermissions.ReadDevices, DeviceHandlers.Get),
            new("PATCH", "devices/{id}", GraphPermissions.WriteDevices, DeviceHandlers.Update),
            new("DELETE", "devices/{id}", GraphPermissions.WriteDevices, DeviceHandlers.Delete),

            // Identity Protection has its own limit (1 request per second per tenant, no Retry-After)
            // and does not count against the directory's write quota. The actions come before {id}.
            new("POST", "identityProtection/riskyUsers/confirmCompromised", GraphPermissions.WriteRiskyUsers, RiskyUserHandlers.ConfirmCompromised, ThrottleClass.IdentityProtection),
            new("POST", "identityProtection/riskyUsers/dismiss", GraphPermissions.WriteRiskyUsers, RiskyUserHandlers.Dismiss, ThrottleClass.IdentityProtection),
            new("GET", "identityProtection/riskyUsers", GraphPermissions.ReadRiskyUsers, RiskyUserHandlers.List, ThrottleClass.IdentityProtection),
            new("GET", "identityProtection/riskyUsers/{id}", GraphPermissions.ReadRiskyUsers, RiskyUserHandlers.Get, ThrottleClass.IdentityProtection),
        ];
    }
}
