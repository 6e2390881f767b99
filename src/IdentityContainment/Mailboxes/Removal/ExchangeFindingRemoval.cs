using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Errors;
using IdentityContainment.Evidence;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Mailboxes.Removal;

/// <summary>
/// Removes what Exchange-sourced findings name by running the Exchange Online cmdlet a person would, in the operator's
/// session. Without that cmdlet nothing is changed and the error gives the exact command to run. Each action keeps the
/// finding's before-image, so it can be recreated.
/// </summary>
public sealed class ExchangeFindingRemoval
{
    private readonly IExchangeCommandHost _host;
    private readonly IResultSink<ContainmentAction> _results;

    public ExchangeFindingRemoval(IExchangeCommandHost host, IResultSink<ContainmentAction> results, IActionJournal journal)
    {
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _results = JournaledResults<ContainmentAction>.Around(results ?? throw new ArgumentNullException(nameof(results)), journal);
    }

    /// <summary>
    /// Runs <paramref name="command"/>, the finding's remedy (<see cref="MailboxRemedies.ForExchange"/>, which the caller
    /// already worked out to ask about it); disableRule says the rule is turned off rather than removed.
    /// </summary>
    public void Remove(MailboxFinding finding, ExchangeCommand command, bool disableRule)
    {
        string action = ActionOf(finding, disableRule);
        if (!_host.IsAvailable(command.Name))
        {
            _results.Failed(new ContainmentException(
                ContainmentErrorKind.NotSupported,
                "ExchangeCommandUnavailable",
                $"{finding.Kind} '{finding.Name ?? finding.Identity}' of mailbox {finding.Mailbox} was read from Exchange Online, and {command.Name} is not available in this session, so nothing was changed. Connect with Connect-ExchangeOnline and run this again, or run: {command}",
                finding.Identity));
            return;
        }

        try
        {
            _host.Run(command);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // On the record as well as in the error stream, as the Graph path does: counts by status agree across sources.
            string message = _results.FailedWith(new ContainmentException(
                ContainmentErrorKind.ServiceError,
                "ExchangeCommandFailed",
                $"{command.Name} failed for {finding.Kind} '{finding.Name ?? finding.Identity}' of mailbox {finding.Mailbox}: {ex.Message} The command was: {command}",
                finding.Identity,
                ex));
            _results.Succeeded(ActionRecord(finding, action, ContainmentActionStatus.Failed, message));
            return;
        }

        _results.Succeeded(ActionRecord(finding, action, ContainmentActionStatus.Succeeded, $"Ran {command}"));
    }

    /// <summary>A finding deliberately left alone (legacy protocols without -IncludeLegacyProtocols), on the record.</summary>
    public void Skip(MailboxFinding finding, string why) =>
        _results.Succeeded(ActionRecord(finding, ActionOf(finding, disableRule: false), ContainmentActionStatus.Skipped, why));

    private static ContainmentAction ActionRecord(MailboxFinding finding, string action, string status, string message) => new()
    {
        UserId = finding.UserId ?? string.Empty,
        UserPrincipalName = finding.Mailbox,
        Action = action,
        Target = finding.Trustee is null ? finding.Identity : $"{finding.Identity} ({finding.Trustee})",
        Status = status,
        Timestamp = DateTimeOffset.UtcNow,
        Message = message,
        BeforeImage = finding.BeforeImage,
    };

    private static string ActionOf(MailboxFinding finding, bool disableRule) => finding.Kind switch
    {
        MailboxFindingKinds.InboxRule => disableRule ? ContainmentActions.DisableInboxRule : ContainmentActions.RemoveInboxRule,
        MailboxFindingKinds.MailboxForwarding => ContainmentActions.ClearMailboxForwarding,
        MailboxFindingKinds.SendOnBehalf => ContainmentActions.RemoveSendOnBehalf,
        MailboxFindingKinds.FullAccess => ContainmentActions.RemoveFullAccess,
        MailboxFindingKinds.SendAs => ContainmentActions.RemoveSendAs,
        MailboxFindingKinds.FolderPermission => ContainmentActions.ResetFolderPermission,
        MailboxFindingKinds.LegacyProtocol => ContainmentActions.DisableLegacyProtocols,
        _ => throw new ArgumentException($"A mailbox finding of kind '{finding.Kind}' is not one this module knows how to remove.", nameof(finding)),
    };
}
