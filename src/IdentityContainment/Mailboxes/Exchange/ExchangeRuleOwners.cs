using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>
/// A Get-InboxRule object does not say which addresses its owner has, so a rule forwarding to the owner's own alias
/// would look like forwarding away. When the owner's Get-Mailbox (or Get-CASMailbox) object came in the same
/// collection, its addresses are given to each of the owner's rules.
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
        var addressesByOwner = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (ExchangeReading mailbox in all.Where(reading => reading.OwnerAddresses.Count > 0))
        {
            foreach (string key in OwnerKeys(mailbox).Concat(mailbox.OwnerAddresses))
            {
                if (!addressesByOwner.TryGetValue(key, out HashSet<string>? addresses))
                {
                    addresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    addressesByOwner[key] = addresses;
                }

                addresses.UnionWith(mailbox.OwnerAddresses);
            }
        }

        return all.Select(reading => reading.Facts is InboxRuleFacts rule ? WithOwner(reading, rule, addressesByOwner) : reading).ToList();
    }

    private static ExchangeReading WithOwner(ExchangeReading reading, InboxRuleFacts rule, Dictionary<string, HashSet<string>> addressesByOwner)
    {
        var owned = new[] { rule.Mailbox, rule.UserId }
            .Where(key => !string.IsNullOrEmpty(key) && addressesByOwner.ContainsKey(key!))
            .SelectMany(key => addressesByOwner[key!])
            .ToList();
        if (owned.Count == 0)
        {
            return reading;
        }

        IReadOnlyList<string> addresses = rule.OwnerAddresses.Concat(owned).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return reading with { Facts = rule with { OwnerAddresses = addresses } };
    }

    private static IEnumerable<string> OwnerKeys(ExchangeReading mailbox)
    {
        string?[] keys = mailbox.Facts switch
        {
            MailboxForwardingFacts facts => [facts.Mailbox, facts.UserId, facts.UserPrincipalName, facts.PrimarySmtpAddress],
            ClientAccessFacts facts => [facts.Mailbox, facts.UserId],
            _ => [],
        };

        return keys.Where(key => !string.IsNullOrEmpty(key)).Select(key => key!);
    }
}
