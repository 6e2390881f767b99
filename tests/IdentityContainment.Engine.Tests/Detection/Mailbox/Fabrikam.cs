using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Engine.Tests.Detection.Mailbox;

/// <summary>
/// The bec-finance tenant as the mailbox rules see it (/work/notes/issue15-common.md): verified fabrikam.com and
/// fabrikam.onmicrosoft.com (fabrikam-partners.com added but not verified), and Nestor Wilke's German mailbox.
/// </summary>
internal static class Fabrikam
{
    public const string Nestor = "nestorw@fabrikam.com";
    public const string NestorAlias = "nestor.wilke@fabrikam.com";
    public const string AttackerDrop = "nw-archive@mailbox-secure.example";

    public static readonly MailDomains Domains = new(new[] { "fabrikam.com", "fabrikam.onmicrosoft.com" });

    /// <summary>An Exchange inbox rule of Nestor's that does nothing yet: each test adds what it is about.</summary>
    public static InboxRuleFacts Rule(string name, string id = "1") => new()
    {
        Mailbox = Nestor,
        UserId = "5e0a1c4b-0b6d-4a53-9f0e-8c1e2d3f4a5b",
        Identity = Nestor + @"\" + id,
        Name = name,
        Source = MailboxFindingSources.ExchangeOnline,
        Domains = Domains,
        OwnerAddresses = new[] { "SMTP:" + Nestor, "smtp:" + NestorAlias },
        BeforeImage = "{\"Name\":\"" + name + "\"}",
    };

    public static RuleFolder Folder(string name, WellKnownFolder role = WellKnownFolder.None) => new() { Name = name, WellKnown = role };
}
