using IdentityContainment.Connection;
using IdentityContainment.Detection;
using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Mailboxes.Exchange;
using IdentityContainment.Mailboxes.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Mailboxes;

/// <summary>
/// The hunt of one run of Get-MailboxPersistence: users' inbox rules read from Graph and judged as they arrive, and
/// the tenant's verified domains, read once and shared with the Exchange objects judged in the same run.
/// </summary>
public sealed class MailboxHunt
{
    private readonly RiskLevel _minimum;
    private readonly VerifiedDomains _domains;
    private readonly GraphInboxRuleReader _rules;

    public MailboxHunt(GraphConnection connection, RiskLevel minimum)
    {
        _minimum = minimum;
        _domains = new VerifiedDomains(connection);
        _rules = new GraphInboxRuleReader(connection, _domains);
    }

    /// <summary>The tenant's verified domains, read on first use; an unreadable list is a warning and counts every address as external.</summary>
    public Task<MailDomains> DomainsAsync(IResultSink<MailboxFinding> warnings, CancellationToken cancellationToken) =>
        _domains.GetAsync(warnings, cancellationToken);

    public Task HuntUsersAsync(IReadOnlyList<ContainmentUser> users, IResultSink<MailboxFinding> results, CancellationToken cancellationToken) =>
        _rules.ReadAsync(users, new JudgingSink<InboxRuleFacts, MailboxFinding>(results, rule => MailboxJudge.JudgeAny(rule, _minimum)), cancellationToken);

    /// <summary>
    /// The findings of a run's Exchange objects, judged together: a rule missing from the plain listing
    /// (<paramref name="visibleRules"/>) counts as hidden, and a rule gets its owner's addresses from the owner's mailbox
    /// object in the same collection.
    /// </summary>
    public IEnumerable<MailboxFinding> JudgeExchangeObjects(IEnumerable<ExchangeReading> readings, IEnumerable<InboxRuleFacts> visibleRules) =>
        ExchangeRuleOwners.AttachOwnerAddresses(HiddenInboxRules.MarkAgainstVisible(readings, visibleRules))
            .SelectMany(reading => MailboxJudge.JudgeAny(reading.Facts!, _minimum));
}
