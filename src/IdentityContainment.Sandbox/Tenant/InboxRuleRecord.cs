namespace IdentityContainment.Sandbox;

/// <summary>An inbox rule in Graph's messageRule shape.</summary>
public sealed record InboxRuleRecord
{
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public int Sequence { get; init; } = 1;
    public bool IsEnabled { get; init; } = true;
    public bool HasError { get; init; }
    public bool IsReadOnly { get; init; }

    /// <summary>
    /// A hidden rule (Get-InboxRule -IncludeHidden shows it). Graph's messageRules do not list it: rules found only
    /// with -IncludeHidden are missing from the inbox rule views (CIPP issue 2720; office-docs-powershell issue 2140),
    /// so the sandbox serves no hidden rule over Graph, by list or by id. Never written by Graph.
    /// </summary>
    public bool IsHidden { get; init; }
    public MessageRulePredicates? Conditions { get; init; }
    public MessageRulePredicates? Exceptions { get; init; }
    public MessageRuleActions? Actions { get; init; }
}

/// <summary>Graph messageRulePredicates; properties that are not set stay null and are omitted.</summary>
public sealed record MessageRulePredicates
{
    public IReadOnlyList<string>? BodyContains { get; init; }
    public IReadOnlyList<string>? BodyOrSubjectContains { get; init; }
    public IReadOnlyList<string>? Categories { get; init; }
    public IReadOnlyList<Recipient>? FromAddresses { get; init; }
    public bool? HasAttachments { get; init; }
    public IReadOnlyList<string>? HeaderContains { get; init; }
    public string? Importance { get; init; }
    public bool? IsApprovalRequest { get; init; }
    public bool? IsAutomaticForward { get; init; }
    public bool? IsAutomaticReply { get; init; }
    public bool? IsEncrypted { get; init; }
    public bool? IsMeetingRequest { get; init; }
    public bool? IsMeetingResponse { get; init; }
    public bool? IsNonDeliveryReport { get; init; }
    public bool? IsPermissionControlled { get; init; }
    public bool? IsReadReceipt { get; init; }
    public bool? IsSigned { get; init; }
    public bool? IsVoicemail { get; init; }
    public string? MessageActionFlag { get; init; }
    public bool? NotSentToMe { get; init; }
    public IReadOnlyList<string>? RecipientContains { get; init; }
    public IReadOnlyList<string>? SenderContains { get; init; }
    public string? Sensitivity { get; init; }
    public bool? SentCcMe { get; init; }
    public bool? SentOnlyToMe { get; init; }
    public IReadOnlyList<Recipient>? SentToAddresses { get; init; }
    public bool? SentToMe { get; init; }
    public bool? SentToOrCcMe { get; init; }
    public IReadOnlyList<string>? SubjectContains { get; init; }
    public SizeRange? WithinSizeRange { get; init; }
}

/// <summary>Graph messageRuleActions.</summary>
public sealed record MessageRuleActions
{
    public IReadOnlyList<string>? AssignCategories { get; init; }
    public string? CopyToFolder { get; init; }
    public bool? Delete { get; init; }
    public IReadOnlyList<Recipient>? ForwardAsAttachmentTo { get; init; }
    public IReadOnlyList<Recipient>? ForwardTo { get; init; }
    public bool? MarkAsRead { get; init; }
    public string? MarkImportance { get; init; }
    public string? MoveToFolder { get; init; }
    public bool? PermanentDelete { get; init; }
    public IReadOnlyList<Recipient>? RedirectTo { get; init; }
    public bool? StopProcessingRules { get; init; }
}

public sealed record Recipient
{
    public required EmailAddress EmailAddress { get; init; }
}

public sealed record EmailAddress
{
    public string? Name { get; init; }
    public required string Address { get; init; }
}

/// <summary>Message size bounds in kilobytes.</summary>
public sealed record SizeRange
{
    public int MinimumSize { get; init; }
    public int MaximumSize { get; init; }
}
