namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>
/// How each kind of Exchange object is told apart. Properties decide, because type names do not survive every form:
/// Import-Clixml prefixes them with "Deserialized.", Import-Csv drops them, and the REST cmdlets (Get-EXO*) use their own.
/// A type name only settles an object whose properties were cut down to nothing distinctive.
/// </summary>
internal sealed record ExchangeObjectShape(ExchangeObjectKind Kind, string Cmdlets, IReadOnlyList<string[]> Marks, IReadOnlyList<string> TypeNames)
{
    private const string DeserializedPrefix = "Deserialized.";

    /// <summary>
    /// Checked in this order: a CAS mailbox also carries mailbox-like names (PrimarySmtpAddress, EmailAddresses), and a
    /// folder permission also has User and AccessRights, so the more particular shapes come first.
    /// </summary>
    public static readonly IReadOnlyList<ExchangeObjectShape> All = new[]
    {
        // Get-EXOCASMailbox's Minimum property set already has ImapEnabled, PopEnabled, ActiveSyncEnabled and EwsEnabled
        // (learn.microsoft.com/powershell/exchange/cmdlet-property-sets); SmtpClientAuthenticationDisabled needs more.
        new ExchangeObjectShape(
            ExchangeObjectKind.CasMailbox,
            "Get-CASMailbox",
            AnyOf(["ImapEnabled"], ["PopEnabled"], ["ActiveSyncEnabled"], ["EwsEnabled"], ["MAPIEnabled"], ["OWAEnabled"], ["SmtpClientAuthenticationDisabled"]),
            ["Microsoft.Exchange.Data.Directory.Management.CASMailbox"]),
        new ExchangeObjectShape(
            ExchangeObjectKind.FolderPermission,
            "Get-MailboxFolderPermission",
            AnyOf(["FolderName"], ["SharingPermissionFlags"]),
            ["Microsoft.Exchange.Management.StoreTasks.MailboxFolderPermission"]),
        new ExchangeObjectShape(
            ExchangeObjectKind.RecipientPermission,
            "Get-RecipientPermission",
            AnyOf(["Trustee"], ["AccessControlType"], ["TrusteeSidString"]),
            ["Microsoft.Exchange.Data.Directory.Permission.RecipientPermission", "Microsoft.Exchange.Management.RestApiClient.ExoRecipientPermission"]),
        new ExchangeObjectShape(
            ExchangeObjectKind.MailboxPermission,
            "Get-MailboxPermission",
            AnyOf(["User", "AccessRights"], ["UserSid"]),
            ["Microsoft.Exchange.Management.RecipientTasks.MailboxAcePresentationObject"]),
        new ExchangeObjectShape(
            ExchangeObjectKind.InboxRule,
            "Get-InboxRule",
            AnyOf(["RuleIdentity"], ["MailboxOwnerId"], ["StopProcessingRules"], ["MoveToFolder"], ["ForwardTo"], ["RedirectTo"], ["ForwardAsAttachmentTo"], ["DeleteMessage"], ["SubjectContainsWords"], ["SubjectOrBodyContainsWords"]),
            ["Microsoft.Exchange.Management.Common.InboxRule"]),
        new ExchangeObjectShape(
            ExchangeObjectKind.Mailbox,
            "Get-Mailbox/Get-EXOMailbox",
            AnyOf(["ForwardingSmtpAddress"], ["ForwardingAddress"], ["DeliverToMailboxAndForward"], ["GrantSendOnBehalfTo"], ["RecipientTypeDetails"]),
            ["Microsoft.Exchange.Data.Directory.Management.Mailbox", "Microsoft.Exchange.Management.RestApiClient.ExoMailbox"]),
    };

    /// <summary>The list an unknown object is told about.</summary>
    public const string ExpectedCmdlets =
        "an object from Get-InboxRule, Get-Mailbox/Get-EXOMailbox, Get-MailboxPermission, Get-RecipientPermission, Get-MailboxFolderPermission or Get-CASMailbox";

    public static ExchangeObjectKind Recognize(ExchangeObject item)
    {
        foreach (ExchangeObjectShape shape in All)
        {
            if (shape.Marks.Any(mark => mark.All(item.Has)))
            {
                return shape.Kind;
            }
        }

        foreach (ExchangeObjectShape shape in All)
        {
            if (item.TypeNames.Any(typeName => shape.TypeNames.Contains(WithoutDeserializedPrefix(typeName), StringComparer.OrdinalIgnoreCase)))
            {
                return shape.Kind;
            }
        }

        return ExchangeObjectKind.Unknown;
    }

    public static ExchangeObjectShape Of(ExchangeObjectKind kind) => All.First(shape => shape.Kind == kind);

    private static string WithoutDeserializedPrefix(string typeName) =>
        typeName.StartsWith(DeserializedPrefix, StringComparison.Ordinal) ? typeName.Substring(DeserializedPrefix.Length) : typeName;

    private static IReadOnlyList<string[]> AnyOf(params string[][] marks) => marks;
}
