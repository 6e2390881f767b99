using System.Management.Automation;
using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Mailboxes.Exchange;
using IdentityContainment.Pipeline;
using static IdentityContainment.Pipeline.PipedProperties;

namespace IdentityContainment.Mailboxes.Removal;

/// <summary>
/// A finding piped to Remove-MailboxPersistence, as it came: the live object, or one re-imported from evidence
/// (Import-Clixml, ConvertFrom-Json), whose properties are read by name. What a removal needs is checked here, so a bad
/// object is refused with the property it lacks before anything is touched.
/// </summary>
public static class MailboxFindingInput
{
    private static readonly string[] KnownKinds =
    {
        MailboxFindingKinds.InboxRule, MailboxFindingKinds.MailboxForwarding, MailboxFindingKinds.SendOnBehalf, MailboxFindingKinds.FullAccess,
        MailboxFindingKinds.SendAs, MailboxFindingKinds.FolderPermission, MailboxFindingKinds.LegacyProtocol,
    };

    /// <summary>The finding, or null with <paramref name="problem"/> saying what is wrong with the object.</summary>
    public static MailboxFinding? Read(PSObject input, out string? problem)
    {
        if (input?.BaseObject is MailboxFinding live)
        {
            problem = Check(live);
            return problem is null ? live : null;
        }

        if (input is null)
        {
            problem = "The input is empty.";
            return null;
        }

        var finding = new MailboxFinding
        {
            Mailbox = Text(input, nameof(MailboxFinding.Mailbox)) ?? string.Empty,
            UserId = Text(input, nameof(MailboxFinding.UserId)),
            Kind = Text(input, nameof(MailboxFinding.Kind)) ?? string.Empty,
            Name = Text(input, nameof(MailboxFinding.Name)),
            Identity = Text(input, nameof(MailboxFinding.Identity)) ?? string.Empty,
            Source = Text(input, nameof(MailboxFinding.Source)) ?? string.Empty,
            Enabled = bool.TryParse(Text(input, nameof(MailboxFinding.Enabled)), out bool enabled) ? enabled : null,
            Targets = Texts(input, nameof(MailboxFinding.Targets)),
            Trustee = Text(input, nameof(MailboxFinding.Trustee)),
            AccessRights = Texts(input, nameof(MailboxFinding.AccessRights)),
            RemediationCommand = Text(input, nameof(MailboxFinding.RemediationCommand)),
            BeforeImage = Text(input, nameof(MailboxFinding.BeforeImage)),
            RiskLevel = Text(input, nameof(MailboxFinding.RiskLevel)) ?? nameof(Detection.RiskLevel.None),
            ReasonCodes = Texts(input, nameof(MailboxFinding.ReasonCodes)),
            Reasons = Texts(input, nameof(MailboxFinding.Reasons)),
        };
        problem = Check(finding);
        return problem is null ? finding : null;
    }

    private static string? Check(MailboxFinding finding)
    {
        const string Expected = "Pass findings from Get-MailboxPersistence (live, or re-imported with Import-Clixml or ConvertFrom-Json).";
        if (!KnownKinds.Contains(finding.Kind, StringComparer.Ordinal))
        {
            return $"The input is not a mailbox finding: its Kind is '{finding.Kind}', not one of {string.Join(", ", KnownKinds)}. {Expected}";
        }

        if (finding.Source is not (MailboxFindingSources.Graph or MailboxFindingSources.ExchangeOnline))
        {
            return $"The {finding.Kind} finding has Source '{finding.Source}'; it must be Graph or ExchangeOnline to know where to remove it. {Expected}";
        }

        if (finding.Identity.Length == 0 || finding.Mailbox.Length == 0)
        {
            return $"The {finding.Kind} finding lacks its {(finding.Identity.Length == 0 ? "Identity" : "Mailbox")}, which names what to remove. {Expected}";
        }

        if (finding.Source == MailboxFindingSources.Graph && finding.Kind != MailboxFindingKinds.InboxRule)
        {
            return $"Graph reports only inbox rules; a {finding.Kind} finding with Source Graph cannot be removed. {Expected}";
        }

        if (finding.Kind is MailboxFindingKinds.FullAccess or MailboxFindingKinds.SendAs or MailboxFindingKinds.FolderPermission
            && finding.Trustee is null)
        {
            return $"The {finding.Kind} finding on mailbox {finding.Mailbox} lacks its Trustee, the one whose access to remove. {Expected}";
        }

        // Export-Csv writes a collection it was not asked to join as its type name: what to remove is lost.
        if (finding.Targets.Concat(finding.AccessRights).FirstOrDefault(ExchangeValues.IsCollectionTypeName) is { } lost)
        {
            return $"The {finding.Kind} finding on mailbox {finding.Mailbox} holds '{lost}' instead of its values: it was exported with Export-Csv without joining them. Re-import it from Export-Clixml or ConvertTo-Json evidence, or run Get-MailboxPersistence again. {Expected}";
        }

        if (finding.Kind == MailboxFindingKinds.SendOnBehalf && finding.Targets.Length == 0)
        {
            return $"The SendOnBehalf finding on mailbox {finding.Mailbox} names no delegate in Targets, so there is nothing to remove. {Expected}";
        }

        if (finding.Kind == MailboxFindingKinds.LegacyProtocol
            && !finding.Targets.Any(target => LegacyProtocols.Switches.Any(s => string.Equals(s.Protocol, target, StringComparison.OrdinalIgnoreCase))))
        {
            return $"The LegacyProtocol finding on mailbox {finding.Mailbox} names no protocol this module knows in Targets ({string.Join(", ", finding.Targets)}); expected some of {string.Join(", ", LegacyProtocols.Switches.Select(s => s.Protocol))}. {Expected}";
        }

        return null;
    }
}
