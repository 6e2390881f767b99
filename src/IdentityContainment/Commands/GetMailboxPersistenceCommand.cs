using System.Management.Automation;
using IdentityContainment.Commands.Support;
using IdentityContainment.Detection;
using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Errors;
using IdentityContainment.Mailboxes;
using IdentityContainment.Mailboxes.Exchange;
using IdentityContainment.Pipeline;
using IdentityContainment.Users;

namespace IdentityContainment.Commands;

/// <summary>
/// Finds what keeps mail flowing to an attacker after the password is reset: inbox rules read from Graph for the users
/// named, and, from Exchange Online PowerShell objects piped in (live or re-imported evidence), inbox rules including
/// hidden ones, mailbox forwarding, send-on-behalf, FullAccess and SendAs, folder permissions and legacy protocols.
/// Everything is judged by the same rule tables and written as <see cref="MailboxFinding"/>.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MailboxPersistence", DefaultParameterSetName = UserSet)]
[OutputType(typeof(MailboxFinding))]
public sealed class GetMailboxPersistenceCommand : BatchingCmdlet<string>
{
    private const string UserSet = "ByUser";
    private const string InputSet = "ByInput";

    private MailboxHunt? _hunt;
    private UserReader? _reader;
    private readonly List<ExchangeReading> _exchangeReadings = new();
    private MailDomains? _domains;

    /// <summary>Users whose inbox rules to read from Graph: object ids or user principal names.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = UserSet)]
    [Alias("UserPrincipalName")]
    [ValidateNotNullOrEmpty]
    public string[] UserId { get; set; } = Array.Empty<string>();

    /// <summary>
    /// What the pipeline brings: Exchange Online objects (Get-InboxRule, Get-Mailbox / Get-EXOMailbox,
    /// Get-MailboxPermission, Get-RecipientPermission, Get-MailboxFolderPermission, Get-CASMailbox; live, or re-imported
    /// with Import-Clixml or Import-Csv), judged as they are; or users (ids, names, Get-ContainmentUser or Get-MgUser
    /// objects), whose inbox rules are read from Graph.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputSet)]
    public PSObject?[] InputObject { get; set; } = Array.Empty<PSObject?>();

    /// <summary>
    /// The same mailboxes' rules as Get-InboxRule lists them without -IncludeHidden: a rule piped in from the
    /// -IncludeHidden listing that is not among them is judged as hidden.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public PSObject[] VisibleInboxRule { get; set; } = Array.Empty<PSObject>();

    /// <summary>The lowest risk reported: Low (any rule fired), Medium or High.</summary>
    [Parameter]
    [ValidateSet("Low", "Medium", "High")]
    public string MinimumRisk { get; set; } = nameof(RiskLevel.Low);

    private protected override string ProgressActivity => "Reading users' inbox rules";

    private protected override string ItemNoun => "mailbox(es)";

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _hunt = new MailboxHunt(Connection, (RiskLevel)Enum.Parse(typeof(RiskLevel), MinimumRisk));
    }

    private protected override IReadOnlyList<IGatheringReader> CreateGatheringReaders()
    {
        _reader = new UserReader(Connection);
        return new[] { _reader };
    }

    private protected override string KeyOf(string userId) => userId;

    private protected override IEnumerable<string> ItemsOfRecord()
    {
        IEnumerable<string> named = ParameterSetName == UserSet ? UserId : InputObject.SelectMany(UsersOf).ToList();
        foreach (string raw in named)
        {
            string? userId = null;
            try
            {
                userId = UserIdentifier.Normalize(raw);
            }
            catch (ContainmentException ex)
            {
                WriteContainmentError(ex);
            }

            if (userId is not null)
            {
                yield return userId;
            }
        }
    }

    private protected override async Task ProcessBatchAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var sink = new BridgeSink<MailboxFinding>(this, Bridge);
        IReadOnlyList<ContainmentUser> users = await _reader!.FindAsync(userIds, sink, cancellationToken).ConfigureAwait(false);
        await _hunt!.HuntUsersAsync(users, sink, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Judges the Exchange objects of the run together, once the pipeline has brought them all: a Get-InboxRule object
    /// does not carry its owner's addresses, which the owner's Get-Mailbox object in the same collection gives it.
    /// </summary>
    protected override void EndProcessing()
    {
        base.EndProcessing();
        foreach (MailboxFinding finding in _hunt!.JudgeExchangeObjects(_exchangeReadings, VisibleRules()))
        {
            WriteResult(finding);
        }
    }

    /// <summary>The plain listing's rules; anything else given to -VisibleInboxRule is an error and left out.</summary>
    private IEnumerable<InboxRuleFacts> VisibleRules()
    {
        foreach (PSObject input in VisibleInboxRule)
        {
            if (ExchangeObjectReader.Read(input, MailDomains.Unknown).Facts is InboxRuleFacts rule)
            {
                yield return rule;
                continue;
            }

            WriteContainmentError(new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "NotAnInboxRule",
                "-VisibleInboxRule takes the objects Get-InboxRule lists without -IncludeHidden; this one is not an inbox rule, so it is left out.",
                input));
        }
    }

    /// <summary>
    /// The users a piped object names, or none when it is an Exchange object, which is read here (it needs no Graph
    /// read but the tenant's domains, read once) and judged with the others at the end.
    /// </summary>
    private IEnumerable<string> UsersOf(PSObject? input)
    {
        object? value = input?.BaseObject;
        if (input is null || value is null)
        {
            return Array.Empty<string>();
        }

        if (value is string or Guid)
        {
            return new[] { value.ToString()! };
        }

        string? userId = UserIdTransformationAttribute.IdOrNull(input);

        // A finding of this cmdlet piped back in (live or re-imported) asks for its user's mailbox again: it has a
        // Trustee and AccessRights, but it is not a permission entry.
        if (input.TypeNames.Any(name => name.EndsWith("IdentityContainment.MailboxFinding", StringComparison.Ordinal)))
        {
            if (userId is null)
            {
                WriteContainmentError(new ContainmentException(
                    ContainmentErrorKind.InvalidArgument,
                    "FindingNamesNoUser",
                    "This mailbox finding has no UserId, so its mailbox cannot be read again from Graph (findings from Exchange objects carry it only when the owner's mailbox object was in the same collection). Pass the user's id or user principal name instead.",
                    input));
                return Array.Empty<string>();
            }

            return new[] { userId };
        }

        _domains ??= RunToEnd(cancellationToken => _hunt!.DomainsAsync(new BridgeSink<MailboxFinding>(this, Bridge), cancellationToken));
        ExchangeReading reading = ExchangeObjectReader.Read(input, _domains);
        if (reading.IsRead)
        {
            _exchangeReadings.Add(reading);
            return Array.Empty<string>();
        }

        // A mailbox collected without its forwarding properties (Get-EXOMailbox's default set) still names its user, whose
        // inbox rules Graph can read; the warning says how to collect the forwarding too.
        if (reading.Kind == ExchangeObjectKind.Mailbox && userId is not null)
        {
            WriteWarning($"{reading.Problem} Its user's inbox rules are read from Graph instead.");
            return new[] { userId };
        }

        if (reading.Kind != ExchangeObjectKind.Unknown)
        {
            WriteContainmentError(new ContainmentException(ContainmentErrorKind.InvalidArgument, "UnreadableExchangeObject", reading.Problem!, input));
            return Array.Empty<string>();
        }

        if (userId is not null)
        {
            return new[] { userId };
        }

        WriteContainmentError(new ContainmentException(
            ContainmentErrorKind.InvalidArgument,
            "UnrecognizedMailboxInput",
            $"{reading.Problem} Or pass a user (an object id, a user principal name, or an object from Get-ContainmentUser or Get-MgUser) to read the user's inbox rules from Graph.",
            input));
        return Array.Empty<string>();
    }
}
