using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>
/// Managed identity as Azure Automation provides it: IDENTITY_ENDPOINT and IDENTITY_HEADER in the environment. These
/// tests change the process environment, so they run alone; and they never run without the variables, which would
/// make Azure.Identity probe the virtual-machine metadata address instead of the sandbox.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ManagedIdentityTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture _fixture;

    public ManagedIdentityTests(SandboxFixture fixture)
    {
        _fixture = fixture;
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", fixture.Sandbox.ManagedIdentityEndpoint.AbsoluteUri);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", fixture.Sandbox.ManagedIdentityHeader);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", null);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", null);
    }

    [Fact]
    public void System_assigned_identity_signs_in_like_an_automation_runbook()
    {
        OperatorManagedIdentity identity = Identity(ManagedIdentityKind.SystemAssigned);
        using HostedPowerShell shell = new();
        shell.ImportModule();

        ScriptResult result = shell.Run("param($Endpoint) Connect-IdentityContainment -ManagedIdentity -GraphEndpoint $Endpoint", Parameters.Of(("Endpoint", _fixture.Sandbox.GraphEndpoint.AbsoluteUri)));

        Assert.Empty(result.AllErrors);
        dynamic context = result.Output.Single().BaseObject;
        Assert.Equal("ManagedIdentity", (string)context.AuthenticationMethod);
        Assert.Equal(identity.ClientId, (string)context.AppId);
        Assert.Equal(identity.Roles.OrderBy(r => r, StringComparer.OrdinalIgnoreCase), (string[])context.Scopes);
        Assert.Contains(_fixture.Sandbox.Requests.Snapshot(), e => e.Kind == RequestKind.ManagedIdentity && e.Status == 200);
    }

    [Fact]
    public void User_assigned_identity_is_chosen_by_its_client_id()
    {
        OperatorManagedIdentity identity = Identity(ManagedIdentityKind.UserAssigned);
        using HostedPowerShell shell = new();
        shell.ImportModule();

        ScriptResult result = shell.Run(
            "param($Endpoint, $ClientId) Connect-IdentityContainment -ManagedIdentity -ClientId $ClientId -GraphEndpoint $Endpoint",
            Parameters.Of(("Endpoint", _fixture.Sandbox.GraphEndpoint.AbsoluteUri), ("ClientId", identity.ClientId)));

        Assert.Empty(result.AllErrors);
        Assert.Equal(identity.ClientId, (string)((dynamic)result.Output.Single().BaseObject).AppId);
    }

    [Fact]
    public void Unknown_user_assigned_identity_fails_with_what_to_check()
    {
        using HostedPowerShell shell = new();
        shell.ImportModule();

        ScriptResult result = shell.Run(
            "param($Endpoint) Connect-IdentityContainment -ManagedIdentity -ClientId 99999999-8888-7777-6666-555555555555 -GraphEndpoint $Endpoint",
            Parameters.Of(("Endpoint", _fixture.Sandbox.GraphEndpoint.AbsoluteUri)));

        var error = Assert.Single(result.AllErrors);
        Assert.Equal(System.Management.Automation.ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("99999999-8888-7777-6666-555555555555", error.Exception.Message, StringComparison.Ordinal);
    }

    private OperatorManagedIdentity Identity(ManagedIdentityKind kind) =>
        _fixture.Sandbox.Tenant.Operators.ManagedIdentities.First(m => m.Kind == kind);
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
