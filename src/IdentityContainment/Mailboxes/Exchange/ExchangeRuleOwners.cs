using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>
/// A Get-InboxRule object names its owner only as Exchange does (MailboxOwnerId, often the display name) and does not
/// say which addresses the owner has, so a rule forwarding to the owner's own alias would look like forwarding away.
/// When the owner's Get-Mailbox (or Get-CASMailbox) object came in the same collection, each of the owner's rules is
/// given that mailbox's addresses and, when the rule lacks it, the owner's object id.
/// </summary>
public static class ExchangeRuleOwners
{
    /// <summary>
    /// The readings, with each inbox rule whose mailbox matches a mailbox reading (by identity, object id, user
    /// principal name or address) carrying that mailbox's addresses in <see cref="InboxRuleFacts.OwnerAddresses"/>.
    /// </summary>
    public static IReadOnlyList<ExchangeReading> AttachOwnerAddresses(IEnumerable<ExchangeReading> readings)
    {
        List<ExchangeReading> all = readings.ToList();
        var owners = new Dictionary<string, Owner>(StringComparer.OrdinalIgnoreCase);
        foreach (ExchangeReading mailbox in all.Where(reading => reading.OwnerAddresses.Count > 0))
        {
            (IReadOnlyList<string> keys, string? userId) = Identify(mailbox);
            foreach (string key in keys.Concat(mailbox.OwnerAddresses))
            {
                if (!owners.TryGetValue(key, out Owner? owner))
                {
                    owner = new Owner();
                    owners[key] = owner;
                }

                owner.Addresses.UnionWith(mailbox.OwnerAddresses);
                owner.UserId ??= userId;
            }
        }

        return all.Select(reading => reading.Facts is InboxRuleFacts rule ? WithOwner(reading, rule, owners) : reading).ToList();
    }

    private static ExchangeReading WithOwner(ExchangeReading reading, InboxRuleFacts rule, Dictionary<string, Owner> owners)
    {
        List<Owner> matches = new[] { rule.Mailbox, rule.UserId }
            .Where(key => !string.IsNullOrEmpty(key) && owners.ContainsKey(key!))
            .Select(key => owners[key!])
            .ToList();
        if (matches.Count == 0)
        {
            return reading;
        }

        IReadOnlyList<string> addresses = rule.OwnerAddresses.Concat(matches.SelectMany(owner => owner.Addresses)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        string? userId = rule.UserId ?? matches.Select(owner => owner.UserId).FirstOrDefault(id => id is not null);
        return reading with { Facts = rule with { OwnerAddresses = addresses, UserId = userId } };
    }

    private static (IReadOnlyList<string> Keys, string? UserId) Identify(ExchangeReading mailbox)
    {
        (string?[] keys, string? userId) = mailbox.Facts switch
        {
            MailboxForwardingFacts facts => (new[] { facts.Mailbox, facts.UserId, facts.UserPrincipalName, facts.PrimarySmtpAddress }, facts.UserId),
            ClientAccessFacts facts => (new[] { facts.Mailbox, facts.UserId }, facts.UserId),
            _ => (Array.Empty<string?>(), null),
        };

        return (keys.Where(key => !string.IsNullOrEmpty(key)).Select(key => key!).ToList(), userId);
    }

    private sealed class Owner
    {
        public HashSet<string> Addresses { get; } = new(StringComparer.OrdinalIgnoreCase);

        public string? UserId { get; set; }
    }
}
