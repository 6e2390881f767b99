using System.Management.Automation;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

public sealed class GetContainmentUserTests : IClassFixture<GeneratedTenantFixture>
{
    private readonly GeneratedTenantFixture _fixture;

    public GetContainmentUserTests(GeneratedTenantFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    [Fact]
    public void Reads_the_containment_state_by_user_principal_name_and_by_object_id()
    {
        UserRecord expected = Sandbox.Tenant.Users.First(u => u.OnPremisesSyncEnabled != true);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("param($Upn, $Id) Get-ContainmentUser -UserId $Upn; Get-ContainmentUser $Id", Parameters.Of(("Upn", expected.UserPrincipalName), ("Id", expected.Id)));

        Assert.Empty(result.AllErrors);
        Assert.Equal(2, result.Output.Count);
        foreach (dynamic user in result.Output.Select(o => o.BaseObject))
        {
            Assert.Equal("IdentityContainment.ContainmentUser", ((object)user).GetType().FullName);
            Assert.Equal(expected.Id, (string)user.Id);
            Assert.Equal(expected.UserPrincipalName, (string)user.UserPrincipalName);
            Assert.Equal(expected.AccountEnabled, (bool?)user.AccountEnabled);
            Assert.Equal(expected.SignInSessionsValidFromDateTime, (DateTimeOffset?)user.SignInSessionsValidFromDateTime);
            Assert.Equal(expected.LastPasswordChangeDateTime, (DateTimeOffset?)user.LastPasswordChangeDateTime);
        }
    }

    [Fact]
    public void Fifteen_users_of_one_list_query_are_all_read_when_graph_pages_the_answer()
    {
        // The fixture's pages hold two users: the query's answer comes in eight pages.
        UserRecord[] tenantUsers = Sandbox.Tenant.Users.Skip(45).Take(15).ToArray();
        using HostedPowerShell shell = _fixture.ConnectedShell();
        Sandbox.Requests.Clear();

        ScriptResult result = shell.Run("param($Users) $Users | Get-ContainmentUser", Parameters.Of(("Users", tenantUsers.Select(u => u.UserPrincipalName).ToArray())));

        Assert.Empty(result.AllErrors);
        Assert.Equal(tenantUsers.Select(u => u.Id).Order(), result.Output.Select(o => (string)((dynamic)o.BaseObject).Id).Order());
        IReadOnlyList<RequestLogEntry> log = Sandbox.Requests.Snapshot();
        Assert.Equal(7, log.Count(e => e.Kind == RequestKind.Graph && e.BatchId is not null && e.Path.Contains("$skiptoken=", StringComparison.Ordinal)));
        Assert.DoesNotContain(log, e => e.Kind == RequestKind.Graph && e.BatchId is null);
    }

    [Fact]
    public void Forty_five_users_by_id_and_by_name_are_read_by_list_queries_each_user_asked_once()
    {
        UserRecord[] tenantUsers = Sandbox.Tenant.Users.Take(45).ToArray();
        string[] users = tenantUsers.Select((u, i) => i % 2 == 0 ? u.Id : u.UserPrincipalName.ToUpperInvariant()).ToArray();
        using HostedPowerShell shell = _fixture.ConnectedShell();
        Sandbox.Requests.Clear();

        // A request budget, so at Graph's own page sizes (100 users a page: each query's answer is one page).
        int? pageSize = Sandbox.Paging.MaxPageSize;
        Sandbox.Paging.MaxPageSize = null;
        ScriptResult result;
        try
        {
            result = shell.Run("param($Users) $Users | Get-ContainmentUser", Parameters.Of(("Users", users)));
        }
        finally
        {
            Sandbox.Paging.MaxPageSize = pageSize;
        }

        Assert.Empty(result.AllErrors);
        Assert.Equal(tenantUsers.Select(u => u.Id).Order(), result.Output.Select(o => (string)((dynamic)o.BaseObject).Id).Order());
        // How many reads the three batches of users are gathered into depends on how fast the input flows (the engine
        // test UserReaderTests pins that they make one when every worker asks in time); what never does: only list
        // queries inside batches, at most one read per batch of 20 users, and every user asked for exactly once.
        IReadOnlyList<RequestLogEntry> log = Sandbox.Requests.Snapshot();
        Assert.InRange(log.Count(e => e.Kind == RequestKind.Batch), 1, 3);
        Assert.DoesNotContain(log, e => e.Kind == RequestKind.Graph && e.BatchId is null);
        IReadOnlyList<RequestLogEntry> queries = ListQueries.In(log);
        Assert.Equal(log.Count(e => e.Kind == RequestKind.Graph), queries.Count);
        Assert.Equal(users.Order(StringComparer.OrdinalIgnoreCase), queries.SelectMany(ListQueries.UsersAskedFor).Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Unknown_and_malformed_users_are_reported_and_the_rest_are_read()
    {
        string[] known = Sandbox.Tenant.Users.Take(3).Select(u => u.UserPrincipalName).ToArray();
        object?[] input = { known[0], "nobody@" + Sandbox.Tenant.Info.DefaultDomain, "   ", known[1], "Adele Vance", null, known[2] };
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("param($Users) $Users | Get-ContainmentUser", Parameters.Of(("Users", input)));

        Assert.Equal(3, result.Output.Count);
        Assert.Equal(4, result.Errors.Count);
        ErrorRecord notFound = Assert.Single(result.Errors, e => e.CategoryInfo.Category == ErrorCategory.ObjectNotFound);
        Assert.StartsWith("UserNotFound,", notFound.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("nobody@" + Sandbox.Tenant.Info.DefaultDomain, notFound.TargetObject);
        Assert.Equal(2, result.Errors.Count(e => e.CategoryInfo.Category == ErrorCategory.InvalidArgument && e.FullyQualifiedErrorId.StartsWith("UserId", StringComparison.Ordinal)));
        Assert.Single(result.Errors, e => e.Exception.Message.Contains("null", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_user_named_twice_is_read_once()
    {
        UserRecord user = Sandbox.Tenant.Users[0];
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("param($U) $U, $U.ToUpperInvariant(), $U | Get-ContainmentUser", Parameters.Of(("U", user.UserPrincipalName)));

        Assert.Empty(result.AllErrors);
        Assert.Single(result.Output);
    }

    [Fact]
    public void Objects_from_graph_entra_and_exchange_cmdlets_bind_by_their_user_properties()
    {
        UserRecord[] users = Sandbox.Tenant.Users.Take(3).ToArray();
        using HostedPowerShell shell = _fixture.ConnectedShell();

        // Get-MgUser: Id and UserPrincipalName. Get-EXOMailbox: a display-name Identity, the Entra id as
        // ExternalDirectoryObjectId. AzureAD/Entra: ObjectId.
        ScriptResult result = shell.Run(
            "param($A, $B, $C) @([pscustomobject]@{ Id = $A.Id; UserPrincipalName = $A.UserPrincipalName; DisplayName = 'A' }, [pscustomobject]@{ Identity = 'Mailbox B'; Id = 'Mailbox B'; ExternalDirectoryObjectId = $B.Id }, [pscustomobject]@{ ObjectId = $C.Id }) | Get-ContainmentUser",
            Parameters.Of(("A", new { users[0].Id, users[0].UserPrincipalName }), ("B", new { users[1].Id }), ("C", new { users[2].Id })));

        Assert.Empty(result.AllErrors);
        Assert.Equal(users.Select(u => u.Id).OrderBy(i => i), result.Output.Select(o => (string)((dynamic)o.BaseObject).Id).OrderBy(i => i));
    }

    [Fact]
    public void An_object_binds_by_its_first_id_property_that_has_a_value()
    {
        UserRecord[] users = Sandbox.Tenant.Users.Take(4).ToArray();
        using HostedPowerShell shell = _fixture.ConnectedShell();

        // Get-MgUser -Property Id leaves UserPrincipalName empty; a mailbox's Id is its Exchange identity; a hashtable
        // has keys, not properties. Passed by name as an array, too.
        ScriptResult result = shell.Run(
            "param($A, $B, $C, $D) @([pscustomobject]@{ Id = $A; UserPrincipalName = $null; DisplayName = 'A' }, [pscustomobject]@{ Id = 'Mailbox B'; UserPrincipalName = ''; ExternalDirectoryObjectId = $B }, @{ UserPrincipalName = $C }) | Get-ContainmentUser; Get-ContainmentUser -UserId @([pscustomobject]@{ UserId = $D })",
            Parameters.Of(("A", users[0].Id), ("B", users[1].Id), ("C", users[2].UserPrincipalName), ("D", users[3].Id)));

        Assert.Empty(result.AllErrors);
        Assert.Equal(users.Select(u => u.Id).Order(), result.Output.Select(o => (string)((dynamic)o.BaseObject).Id).Order());
    }

    [Fact]
    public void An_object_that_names_no_user_is_reported_and_the_rest_are_read()
    {
        UserRecord user = Sandbox.Tenant.Users[5];
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("param($U) [pscustomobject]@{ DisplayName = 'Adele'; Id = $null }, $U | Get-ContainmentUser", Parameters.Of(("U", user.UserPrincipalName)));

        Assert.Equal(user.Id, (string)((dynamic)Assert.Single(result.Output).BaseObject).Id);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Contains("names no user", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("UserPrincipalName", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exchange_inbox_rules_bind_by_their_mailbox_owner_and_a_display_name_owner_is_refused_with_advice()
    {
        UserRecord user = Sandbox.Tenant.Users[6];
        using HostedPowerShell shell = _fixture.ConnectedShell();

        // Get-InboxRule objects: the rule's Identity is the rule; MailboxOwnerId names the mailbox, by UPN or by display name.
        ScriptResult result = shell.Run(
            "param($U) [pscustomobject]@{ Identity = 'x\\1'; Name = 'fwd'; MailboxOwnerId = $U }, [pscustomobject]@{ Identity = 'Adele Vance\\2'; Name = 'del'; MailboxOwnerId = 'Adele Vance' } | Get-ContainmentUser",
            Parameters.Of(("U", user.UserPrincipalName)));

        Assert.Equal(user.Id, (string)((dynamic)Assert.Single(result.Output).BaseObject).Id);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Contains("'Adele Vance'", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("Get-EXOMailbox", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_throttled_inside_a_batch_are_retried_and_reported_once()
    {
        string[] users = Sandbox.Tenant.Users.Take(20).Select(u => u.UserPrincipalName).ToArray();
        FaultRule throttle = Sandbox.Faults.Add(FaultRule.TooManyRequests("^/users$", retryAfter: TimeSpan.FromMilliseconds(200), times: 2, method: "GET"));
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("param($Users) $Users | Get-ContainmentUser -Verbose", Parameters.Of(("Users", users)));
        Sandbox.Faults.Remove(throttle);

        Assert.Empty(result.AllErrors);
        Assert.Equal(20, result.Output.Count);
        Assert.Equal(20, result.Output.Select(o => (string)((dynamic)o.BaseObject).Id).Distinct().Count());
        Assert.Equal(2, throttle.Hits);
        Assert.Contains(result.Verbose, v => v.Contains("answered 429", StringComparison.Ordinal));
    }

    [Fact]
    public void Verbose_shows_each_graph_call_with_its_request_id()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("param($U) Get-ContainmentUser $U -Verbose", Parameters.Of(("U", Sandbox.Tenant.Users[0].UserPrincipalName)));

        string call = Assert.Single(result.Verbose, v => v.StartsWith("Graph POST /$batch", StringComparison.Ordinal));
        Assert.Matches("-> 200 in [0-9]+ ms \\(request-id [0-9a-f-]{36}", call);
    }

    [Fact]
    public void Missing_permission_names_the_graph_permission_and_role_to_grant()
    {
        using HostedPowerShell shell = _fixture.ShellWithOnly("Organization.Read.All");

        ScriptResult result = shell.Run("param($U) Get-ContainmentUser $U", Parameters.Of(("U", Sandbox.Tenant.Users[0].UserPrincipalName)));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("User.Read.All", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("Directory Readers", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_connecting_the_error_says_to_run_connect()
    {
        using HostedPowerShell shell = new();
        shell.ImportModule();

        ScriptResult result = shell.Run("Get-ContainmentUser adele@contoso.com");

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.StartsWith("NotConnected,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("Connect-IdentityContainment", error.Exception.Message, StringComparison.Ordinal);
    }
}
