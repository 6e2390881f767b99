namespace IdentityContainment.Pipeline;

/// <summary>
/// Which user an object piped in names, whatever made it: this module's own results, Microsoft Graph and Entra cmdlets,
/// and Exchange Online objects (a mailbox, an inbox rule, a permission entry). Plain code over a property lookup, so the
/// rules are the same for every cmdlet and are tested without PowerShell.
/// </summary>
public static class InputUser
{
    /// <summary>
    /// Immutable object ids first (this module's results and findings, Exchange Online's Entra id, AzureAD/Entra), then
    /// Id where it is a GUID (Microsoft Graph), then the user principal name. Exchange objects that belong to a mailbox
    /// (an inbox rule) name it in MailboxOwnerId, usable when it is an id or a UPN.
    /// </summary>
    private static readonly string[] ObjectIdProperties = { "UserId", "ExternalDirectoryObjectId", "ObjectId" };

    /// <summary>
    /// The user's object id or user principal name, or null when the object names none; then <see cref="WhyNone"/> says
    /// why, so the operator knows what to pipe instead.
    /// </summary>
    public static string? IdOf(Func<string, string?> property)
    {
        string? id = ObjectIdProperties.Select(property).FirstOrDefault(text => text is not null);
        if (id is not null)
        {
            return id;
        }

        string? graphId = property("Id");
        if (graphId is not null && Guid.TryParse(graphId, out _))
        {
            return graphId;
        }

        if (property("UserPrincipalName") is { } upn)
        {
            return upn;
        }

        if (property("MailboxOwnerId") is { } owner && IsIdOrUserPrincipalName(owner))
        {
            return owner;
        }

        // Exchange's display identity ("Adele Vance") goes on to be refused with an explanation; it names no user Graph knows.
        return graphId;
    }

    /// <summary>Why an object names no user, worded for the object it is (typeName: its short type name).</summary>
    public static string WhyNone(Func<string, string?> property, string typeName)
    {
        if (property("MailboxOwnerId") is { } owner)
        {
            return $"The input ({typeName}) names its mailbox only by Exchange's display identity '{owner}', which Microsoft Graph does not know. Pass the mailbox's user principal name or its ExternalDirectoryObjectId, for example from Get-EXOMailbox.";
        }

        return $"The input ({typeName}) names no user: none of UserId, ExternalDirectoryObjectId, ObjectId, Id or UserPrincipalName has a value. Pass the user's object id or user principal name.";
    }

    private static bool IsIdOrUserPrincipalName(string value) => Guid.TryParse(value, out _) || (value.IndexOf('@') > 0 && !value.Any(char.IsWhiteSpace));
}
