namespace IdentityContainment.Sandbox;

/// <summary>
/// The mailbox a mail route is about, or the error Graph gives before it looks any further. Every mail route starts
/// here, so a user without a mailbox gets the same answer on all of them.
/// </summary>
internal static class MailboxAccess
{
    public static (UserRecord? User, MailboxRecord? Mailbox, GraphResponse? Error) Resolve(GraphCallContext context)
    {
        var idOrUpn = context.RouteValues[0];
        var user = context.Tenant.FindUser(idOrUpn);
        // Outlook names an unknown user so (graph-explorer-v4 issue 3293, microsoft-graph-docs issue 10180), not with the
        // directory's Request_ResourceNotFound.
        if (user is null)
            return (null, null, GraphResponse.Error(404, "ErrorInvalidUser", $"The requested user '{idOrUpn}' is invalid."));
        // Delegated permissions reach the signed-in user's own mailbox; another user's needs a folder shared with the
        // caller (mailfolder-get page: "another user has shared a mail folder with that user"), which the sandbox does
        // not model, so it refuses with the code Outlook uses for denied access (CONTRACT §6, ErrorAccessDenied).
        if (!context.Caller.IsAppOnly && !string.Equals(user.Id, context.Caller.ObjectId, StringComparison.OrdinalIgnoreCase))
            return (user, null, GraphResponse.Error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."));
        var mailbox = context.Tenant.FindMailbox(user.Id);
        // CONTRACT §0 and §6 (examples/00-error-404-MailboxNotEnabledForRESTAPI.response.json): no mailbox, or one that is
        // inactive, soft-deleted or on-premises, answers 404 with this code on every Outlook route.
        return mailbox is null
            ? (user, null, GraphResponse.Error(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise."))
            : (user, mailbox, null);
    }

    /// <summary>A missing rule or folder (CONTRACT §6: 404 ErrorItemNotFound, typical Outlook).</summary>
    public static GraphResponse ItemNotFound() =>
        GraphResponse.Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
}
