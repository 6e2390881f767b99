using IdentityContainment.Applications;
using IdentityContainment.Connection;
using IdentityContainment.Detection.OAuth;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests.Applications;

public sealed class ServicePrincipalDirectoryTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private GraphConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { Scenario = "illicit-consent" });
        _connection = await SandboxConnections.AsAutomationAppAsync(_sandbox);
        _sandbox.Requests.Clear();
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Each_service_principal_is_read_once_with_what_the_rules_judge_it_by()
    {
        ServicePrincipalRecord[] all = _sandbox.Tenant.ServicePrincipals.ToArray();
        var directory = new ServicePrincipalDirectory(_connection.Batch);

        // Asked by two callers at once and again later, with repeats: each service principal still goes out once.
        string[] ids = all.Select(sp => sp.Id).ToArray();
        await Task.WhenAll(directory.LookUpAsync(ids.Concat(ids), CancellationToken.None), directory.LookUpAsync(ids.Reverse(), CancellationToken.None));
        IReadOnlyDictionary<string, ServicePrincipalLookup> found = await directory.LookUpAsync(ids, CancellationToken.None);

        int itemsSent = _sandbox.Requests.Snapshot().Count(r => r.Kind == RequestKind.Graph && r.BatchId != null && r.Path.StartsWith("/servicePrincipals/", StringComparison.Ordinal));
        Assert.Equal(all.Length, itemsSent);
        foreach (ServicePrincipalRecord held in all)
        {
            ServicePrincipalFacts facts = Assert.IsType<ServicePrincipalFacts>(found[held.Id].ServicePrincipal);
            Assert.Equal((held.AppId, held.DisplayName, held.AppOwnerOrganizationId, held.VerifiedPublisher?.VerifiedPublisherId, held.AccountEnabled), (facts.AppId, facts.DisplayName, facts.OwnerTenantId, facts.VerifiedPublisherId, facts.AccountEnabled == true));
        }
    }

    [Fact]
    public async Task A_service_principal_that_is_gone_comes_back_with_Graphs_error_and_the_others_are_read()
    {
        string known = _sandbox.Tenant.ServicePrincipals[0].Id;
        var directory = new ServicePrincipalDirectory(_connection.Batch);

        const string gone = "0b5c52a4-0d43-4bb3-9b4c-0e5c77b1e3d2";
        IReadOnlyDictionary<string, ServicePrincipalLookup> found = await directory.LookUpAsync(new[] { gone, known }, CancellationToken.None);

        Assert.Null(found[gone].ServicePrincipal);
        Assert.Equal(404, found[gone].Error!.Status);
        Assert.Equal(known, found[known].ServicePrincipal!.Id);
    }
}
