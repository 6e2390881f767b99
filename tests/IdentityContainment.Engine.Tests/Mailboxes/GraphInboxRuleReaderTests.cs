using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Engine.Tests.Containment;
using IdentityContainment.Graph;
using IdentityContainment.Mailboxes.Graph;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests.Mailboxes;

/// <summary>
/// The Graph inbox rule reader against the sandbox over real HTTP, lists two to a page: the aitm-bec tenant (contoso.com
/// verified, contoso-payments.com added but not), with one mailbox set up in German as bec-finance's victim has it.
/// </summary>
public sealed class GraphInboxRuleReaderTests : IAsyncLifetime
{
    private SandboxTenant _tenant = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SandboxTenant.StartAsync();
        GermanMailbox.SetUp(_tenant.Sandbox.Tenant, Victim.Id);
    }

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    private UserRecord Victim => _tenant.Sandbox.Tenant.FindUser("isaiahl@contoso.com")!;

    [Fact]
    public async Task The_rules_come_with_their_German_folders_named_the_owners_address_and_the_verified_domains()
    {
        MailboxResults results = await ReadAsync(_tenant.Connection, Victim);

        Assert.Empty(results.Errors);
        Assert.Empty(results.Warnings);
        Assert.Equal(new[] { "..", "Cleanup", "Kopie an mich", "Newsletter", "Projekte" }, results.Rules.Select(r => r.Name).Order(StringComparer.Ordinal));
        InboxRuleFacts hiding = results.Rule("..");
        Assert.Equal(("RSS-Abonnements", WellKnownFolder.None, MailboxFindingSources.Graph, Victim.Id), (hiding.MoveToFolder!.Name, hiding.MoveToFolder.WellKnown, hiding.Source, hiding.UserId));
        Assert.True(hiding.MarkAsRead && hiding.StopProcessingRules);
        Assert.Contains("Rechnung", hiding.ConditionWords);
        Assert.True(results.Rule("Cleanup").Delete);

        // His own folder named like the Archive is not the Archive: the role comes from the id, never from the name.
        RuleFolder projects = results.Rule("Projekte").MoveToFolder!;
        Assert.Equal(("Archive Projects", WellKnownFolder.None), (projects.Name, projects.WellKnown));
        Assert.Equal("Newsletter", results.Rule("Newsletter").MoveToFolder!.Name);

        // His own address is his; his domain is verified, the merely added one is not.
        InboxRuleFacts copy = results.Rule("Kopie an mich");
        Assert.Contains(Victim.Mail!, copy.OwnerAddresses, StringComparer.OrdinalIgnoreCase);
        Assert.True(copy.Domains.IsInternal("isaiah.langer@contoso.com"));
        Assert.True(copy.Domains.IsInternal("it-support@contosodemo.onmicrosoft.com"));
        Assert.False(copy.Domains.IsInternal("ap@contoso-payments.com"));

        // The before-image is the rule as Graph gave it.
        Assert.Equal(hiding.Identity, GraphJson.Text(JsonNode.Parse(hiding.BeforeImage!), "id"));
    }

    [Fact]
    public async Task Rules_moving_to_the_German_well_known_folders_know_each_folder_by_its_role()
    {
        AddRules(Victim, ("To archive", GermanMailbox.Archiv), ("To deleted", GermanMailbox.GeloeschteElemente), ("To junk", GermanMailbox.JunkEMail), ("To history", GermanMailbox.Verlauf));

        MailboxResults results = await ReadAsync(_tenant.Connection, Victim);

        Assert.Empty(results.Errors);
        Assert.Equal(("Archiv", WellKnownFolder.Archive), Folder(results.Rule("To archive")));
        Assert.Equal(("Gelöschte Elemente", WellKnownFolder.DeletedItems), Folder(results.Rule("To deleted")));
        Assert.Equal(("Junk-E-Mail", WellKnownFolder.JunkEmail), Folder(results.Rule("To junk")));
        Assert.Equal(("Verlauf der Unterhaltung", WellKnownFolder.ConversationHistory), Folder(results.Rule("To history")));
    }

    [Fact]
    public async Task Each_folder_is_read_once_per_mailbox_however_many_rules_name_it_and_well_known_ones_not_by_id()
    {
        AddRules(Victim, ("More news 1", GermanMailbox.Newsletter), ("More news 2", GermanMailbox.Newsletter), ("To deleted", GermanMailbox.GeloeschteElemente));
        _tenant.Sandbox.Requests.Clear();
        var reader = new GraphInboxRuleReader(_tenant.Connection);

        MailboxResults first = await ReadAsync(reader, Victim);
        MailboxResults second = await ReadAsync(reader, Victim);

        Assert.Empty(first.Errors);
        Assert.All(new[] { "Newsletter", "More news 1", "More news 2" }, name => Assert.Equal("Newsletter", second.Rule(name).MoveToFolder!.Name));
        string[] paths = _tenant.Sandbox.Requests.Snapshot().Where(e => e.Kind == RequestKind.Graph).Select(e => e.Path).ToArray();
        Assert.Single(paths, p => p.Contains("/mailFolders/" + GermanMailbox.Newsletter, StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.Contains("/mailFolders/" + GermanMailbox.GeloeschteElemente, StringComparison.Ordinal));
        Assert.Single(paths, p => p.EndsWith("/mailFolders/deleteditems", StringComparison.OrdinalIgnoreCase));
        Assert.Single(paths, p => p.StartsWith("/domains", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Readers_sharing_the_runs_domains_read_the_domain_list_once()
    {
        var domains = new VerifiedDomains(_tenant.Connection);
        _tenant.Sandbox.Requests.Clear();

        MailboxResults first = await ReadAsync(new GraphInboxRuleReader(_tenant.Connection, domains), Victim);
        MailboxResults second = await ReadAsync(new GraphInboxRuleReader(_tenant.Connection, domains), _tenant.Sandbox.Tenant.FindUser("adelev@contoso.com")!);

        Assert.Empty(first.Errors.Concat(second.Errors));
        Assert.Single(_tenant.Sandbox.Requests.Snapshot(), e => e.Kind == RequestKind.Graph && e.Path.StartsWith("/domains", StringComparison.OrdinalIgnoreCase));
        Assert.All(second.Rules, r => Assert.True(r.Domains.IsInternal("someone@contoso.com")));
    }

    [Fact]
    public async Task A_user_without_a_mailbox_is_a_warning_naming_the_user_and_the_others_are_read()
    {
        UserRecord noMailbox = _tenant.Sandbox.Tenant.Users.First(u => _tenant.Sandbox.Tenant.FindMailbox(u.Id) is null);

        MailboxResults results = await ReadAsync(_tenant.Connection, noMailbox, Victim);

        Assert.Empty(results.Errors);
        string warning = Assert.Single(results.Warnings);
        Assert.Contains(noMailbox.UserPrincipalName!, warning, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(GraphInboxRuleReader.MailboxNotEnabled, warning, StringComparison.Ordinal);
        Assert.Equal(5, results.Rules.Count);
    }

    [Fact]
    public async Task Without_MailboxSettings_Read_each_mailbox_is_an_error_naming_the_permission()
    {
        using GraphConnection denied = await _tenant.ConnectWithOnlyAsync("User.Read.All", "Domain.Read.All", "Mail.ReadBasic.All");
        UserRecord other = _tenant.Sandbox.Tenant.FindUser("adelev@contoso.com")!;

        MailboxResults results = await ReadAsync(denied, Victim, other);

        Assert.Empty(results.Rules);
        Assert.Equal(2, results.Errors.Count);
        Assert.All(results.Errors, e => Assert.Equal(("GraphPermissionDenied", Errors.ContainmentErrorKind.PermissionDenied), (e.ErrorId, e.Kind)));
        Assert.All(results.Errors, e => Assert.Contains("MailboxSettings.Read", e.Message, StringComparison.Ordinal));
        Assert.Contains(results.Errors, e => e.Message.Contains(Victim.UserPrincipalName!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Without_Domain_Read_All_one_warning_says_every_target_counts_as_external_and_the_rules_are_read()
    {
        using GraphConnection noDomains = await _tenant.ConnectWithOnlyAsync("User.Read.All", "MailboxSettings.Read", "Mail.ReadBasic.All");

        MailboxResults results = await ReadAsync(noDomains, Victim);

        Assert.Empty(results.Errors);
        string warning = Assert.Single(results.Warnings);
        Assert.Contains("external", warning, StringComparison.Ordinal);
        Assert.Contains("Domain.Read.All", warning, StringComparison.Ordinal);
        Assert.Equal(5, results.Rules.Count);
        Assert.All(results.Rules, r => Assert.False(r.Domains.IsKnown));
    }

    [Fact]
    public async Task Without_Mail_ReadBasic_All_the_rules_come_with_unnamed_folders_and_one_error_naming_the_permission()
    {
        using GraphConnection noFolders = await _tenant.ConnectWithOnlyAsync("User.Read.All", "MailboxSettings.Read", "Domain.Read.All");
        UserRecord other = _tenant.Sandbox.Tenant.FindUser("adelev@contoso.com")!;

        MailboxResults results = await ReadAsync(noFolders, Victim, other);

        Errors.ContainmentException error = Assert.Single(results.Errors);
        Assert.Equal(Errors.ContainmentErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("Mail.ReadBasic.All", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, results.Rules.Count(r => r.UserId == Victim.Id));
        RuleFolder hidden = Assert.Single(results.Rules, r => r.UserId == Victim.Id && r.Name == "..").MoveToFolder!;
        Assert.Equal((GermanMailbox.RssAbonnements, (string?)null), (hidden.Id, hidden.Name));
    }

    [Fact]
    public async Task Many_mailboxes_with_rules_and_folders_are_read_whole_without_a_single_429()
    {
        await using SandboxTenant generated = await SandboxTenant.StartAsync(new SandboxOptions
        {
            ScenarioObject = ScenarioGenerator.Generate(GeneratedMailboxPresets.MailboxBenchmark() with { Users = 150, Mailboxes = 150, InboxRulesPerUser = 10 }),
            Paging = { MaxPageSize = 4 },
        });
        UserRecord[] users = generated.Sandbox.Tenant.Users.Where(u => generated.Sandbox.Tenant.FindMailbox(u.Id) is not null).ToArray();

        MailboxResults results = await ReadAsync(generated.Connection, users);

        Assert.Equal(150, users.Length);
        Assert.Empty(results.Errors);
        Assert.Equal(1500, results.Rules.Count);
        Assert.All(results.Rules.SelectMany(r => new[] { r.MoveToFolder, r.CopyToFolder }).OfType<RuleFolder>(), f => Assert.NotNull(f.Name));
        Assert.DoesNotContain(generated.Sandbox.Requests.Snapshot(), e => e.Status == 429);
    }

    internal static async Task<MailboxResults> ReadAsync(GraphConnection connection, params UserRecord[] users) =>
        await ReadAsync(new GraphInboxRuleReader(connection), users);

    private static async Task<MailboxResults> ReadAsync(GraphInboxRuleReader reader, params UserRecord[] users)
    {
        var results = new MailboxResults();
        await reader.ReadAsync(users.Select(u => new ContainmentUser { Id = u.Id, UserPrincipalName = u.UserPrincipalName, Mail = u.Mail }).ToArray(), results, CancellationToken.None);
        return results;
    }

    private static (string?, WellKnownFolder) Folder(InboxRuleFacts rule) => (rule.MoveToFolder!.Name, rule.MoveToFolder.WellKnown);

    private void AddRules(UserRecord user, params (string Name, string FolderId)[] rules) =>
        _tenant.Sandbox.Tenant.UpdateMailbox(user.Id, m => m with
        {
            InboxRules = m.InboxRules.Concat(rules.Select((r, i) => new InboxRuleRecord
            {
                Id = $"AQAAAJ5dTEST{i}=",
                DisplayName = r.Name,
                Sequence = 100 + i,
                Conditions = new MessageRulePredicates { SubjectContains = new[] { "x" } },
                Actions = new MessageRuleActions { MoveToFolder = r.FolderId },
            })).ToArray(),
        });
}
