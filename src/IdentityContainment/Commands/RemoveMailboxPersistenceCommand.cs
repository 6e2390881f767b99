using System.Management.Automation;
using IdentityContainment.Commands.Support;
using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Errors;
using IdentityContainment.Mailboxes.Graph;
using IdentityContainment.Mailboxes.Removal;

namespace IdentityContainment.Commands;

/// <summary>
/// Removes exactly what the findings piped in name, and nothing else: inbox rules read from Graph are deleted (or,
/// with -Disable, turned off) through Graph; what Exchange Online PowerShell reported is removed by the Exchange
/// cmdlet a person would run, in this session. Each action keeps the finding's before-image.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "MailboxPersistence", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(ContainmentAction))]
public sealed class RemoveMailboxPersistenceCommand : BatchingCmdlet<MailboxFinding>
{
    private InboxRuleRemoval? _graphRemoval;
    private ExchangeFindingRemoval? _exchangeRemoval;

    /// <summary>Findings from Get-MailboxPersistence, live or re-imported from evidence.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

    /// <summary>Turn inbox rules off instead of deleting them, keeping them for the investigation.</summary>
    [Parameter]
    public SwitchParameter Disable { get; set; }

    /// <summary>Also turn off the legacy protocols that LegacyProtocol findings name; without it they are left as they are.</summary>
    [Parameter]
    public SwitchParameter IncludeLegacyProtocols { get; set; }

    private protected override string ProgressActivity => Disable ? "Disabling inbox rules" : "Removing inbox rules";

    private protected override string ItemNoun => "rule(s)";

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _graphRemoval = new InboxRuleRemoval(Connection);
        _exchangeRemoval = new ExchangeFindingRemoval(new SessionExchangeCommands(this), new BridgeSink<ContainmentAction>(this, Bridge), Connection.Journal);
    }

    /// <summary>Graph rules go on to be removed in batches; Exchange findings are removed here, on the pipeline thread their session needs.</summary>
    private protected override IEnumerable<MailboxFinding> ItemsOfRecord()
    {
        foreach (PSObject input in InputObject)
        {
            MailboxFinding? finding = MailboxFindingInput.Read(input, out string? problem);
            if (finding is null)
            {
                WriteContainmentError(new ContainmentException(ContainmentErrorKind.InvalidArgument, "NotAMailboxFinding", problem!, input));
                continue;
            }

            if (finding.Source == MailboxFindingSources.Graph)
            {
                yield return finding;
                continue;
            }

            RemoveThroughExchange(finding);
        }
    }

    private protected override string KeyOf(MailboxFinding finding) => string.Join("/", finding.Source, finding.Mailbox, finding.Kind, finding.Identity, finding.Trustee);

    private protected override bool Admit(MailboxFinding finding) => ShouldProcess(TargetOf(finding), Disable ? "Disable inbox rule" : "Remove inbox rule");

    private protected override Task ProcessBatchAsync(IReadOnlyList<MailboxFinding> findings, CancellationToken cancellationToken) =>
        _graphRemoval!.RemoveAsync(findings, Disable, new BridgeSink<ContainmentAction>(this, Bridge), cancellationToken);

    private void RemoveThroughExchange(MailboxFinding finding)
    {
        ExchangeCommand command;
        try
        {
            command = MailboxRemedies.ForExchange(finding, Disable);
        }
        catch (ArgumentException ex)
        {
            WriteContainmentError(new ContainmentException(ContainmentErrorKind.InvalidArgument, "NotAMailboxFinding", ex.Message, finding.Identity));
            return;
        }

        if (finding.Kind == MailboxFindingKinds.LegacyProtocol && !IncludeLegacyProtocols)
        {
            _exchangeRemoval!.Skip(finding, $"Legacy protocols are changed only with -IncludeLegacyProtocols; to change them yourself, run: {command}");
        }
        else if (ShouldProcess(TargetOf(finding), $"Run {command}"))
        {
            _exchangeRemoval!.Remove(finding, command, Disable);
        }
    }

    private static string TargetOf(MailboxFinding finding) =>
        $"{finding.Kind} '{finding.Name ?? finding.Identity}' of mailbox {finding.Mailbox}" + (finding.Trustee is null ? string.Empty : $" held by {finding.Trustee}");
}
