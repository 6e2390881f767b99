namespace IdentityContainment.Sandbox;

/// <summary>PATCH /users/{id}: accountEnabled, passwordProfile and a few profile properties; 204 on success.</summary>
internal static class UpdateUserHandler
{
    private const string SyncedUserMessage =
        "Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.";

    public static GraphResponse Handle(GraphCallContext context)
    {
        var user = context.Tenant.FindUser(context.RouteValues[0]);
        if (user is null)
            return GraphResponse.NotFound(context.RouteValues[0]);
        var (update, error) = UserUpdate.Read(context.Request.Body);
        if (error is not null)
            return error;
        if (update!.IsEmpty)
            return GraphResponse.NoContent();

        var caller = context.Caller;
        if ((update.TouchesPasswordProfile && !GraphPermissions.UpdatePassword.IsSatisfiedBy(caller))
            || (update.AccountEnabled is not null && !GraphPermissions.UpdateAccountEnabled.IsSatisfiedBy(caller))
            || (update.Profile.Count > 0 && !GraphPermissions.UpdateUserProfile.IsSatisfiedBy(caller)))
            return GraphResponse.Forbidden();

        // A synced user is mastered on-premises: the cloud refuses a password or profile change (CONTRACT §2a, issues
        // microsoft-graph-docs #7301 and docs-contrib #5768). accountEnabled is the exception: Microsoft's own guidance
        // for revoking access in a hybrid tenant disables the account in Entra ID as well as in AD DS, and admins report
        // the cloud disable is accepted and then undone by a later sync cycle while the AD account stays enabled
        // (TenantState.RunDirectorySyncCycle models that).
        if (user.IsSyncedFromOnPremises && (update.TouchesPasswordProfile || update.Profile.Count > 0))
        {
            if (update.Password is not null)
                context.Tenant.RefusedPasswords.Record(user.Id, update.Password);
            return GraphResponse.Error(400, "Request_BadRequest", SyncedUserMessage);
        }

        if ((update.TouchesPasswordProfile && !SensitiveUserActions.IsAllowed(caller, user, SensitiveUserAction.ResetPassword))
            || (update.AccountEnabled is not null && !SensitiveUserActions.IsAllowed(caller, user, SensitiveUserAction.EnableOrDisable)))
            return GraphResponse.Forbidden();

        if (update.Password is not null && !context.Tenant.RefusedPasswords.IsAcceptable(update.Password))
        {
            context.Tenant.RefusedPasswords.Record(user.Id, update.Password);
            return GraphResponse.Error(400, "Request_BadRequest", PasswordComplexity.Violation);
        }

        var now = context.Tenant.Now();
        return context.Tenant.UpdateUser(user.Id, current => update.ApplyTo(current, now)) is null
            ? GraphResponse.NotFound(context.RouteValues[0])
            : GraphResponse.NoContent();
    }
}
