using System.Text.Json.Nodes;
using IdentityContainment.AuthenticationMethods;
using IdentityContainment.Detection.AuthenticationMethods;
using IdentityContainment.Engine.Tests.Containment;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests.AuthenticationMethods;

/// <summary>The security info registrations read from the aitm-bec directory audit log over real HTTP, and the log's refusals.</summary>
public sealed class SecurityInfoLogTests
{
    private const string AdeleId = "bc67ba94-637d-4efa-a09e-467ada679f81";

    [Fact]
    public async Task The_attackers_registrations_since_the_compromise_are_read_with_their_kinds_and_her_own_older_one_only_from_further_back()
    {
        await using SandboxTenant tenant = await SandboxTenant.StartAsync();
        var results = new KeptResults<SecurityInfoRegistration>();

        IReadOnlyList<SecurityInfoRegistration> sinceAttack = await SecurityInfoLog.ReadAsync(tenant.Connection, DateTimeOffset.UtcNow.AddDays(-2), results, CancellationToken.None);
        IReadOnlyList<SecurityInfoRegistration> sinceMonth = await SecurityInfoLog.ReadAsync(tenant.Connection, DateTimeOffset.UtcNow.AddDays(-29), results, CancellationToken.None);

        Assert.Empty(results.Warnings);
        Assert.Equal(
            new[] { ("MicrosoftAuthenticator", (string?)null), ("Phone", (string?)"alternateMobile") },
            sinceAttack.OrderBy(r => r.At).Select(r => (r.Kind!.Name, r.PhoneType)));
        Assert.All(sinceAttack, r => Assert.Equal(AdeleId, r.UserId));
        Assert.Equal(3, sinceMonth.Count);
        SecurityInfoRegistration own = sinceMonth.OrderBy(r => r.At).First();
        Assert.Equal((AdeleId, "MicrosoftAuthenticator"), (own.UserId, own.Kind!.Name));
        Assert.True(own.At < DateTimeOffset.UtcNow.AddDays(-20));
    }

    [Fact]
    public async Task Without_audit_log_read_it_is_one_warning_and_no_registrations_not_an_error()
    {
        await using SandboxTenant limited = await SandboxTenant.StartAsync(new SandboxOptions { Scenario = "aitm-bec" }, "UserAuthenticationMethod.Read.All");
        var results = new KeptResults<SecurityInfoRegistration>();

        IReadOnlyList<SecurityInfoRegistration> registrations = await SecurityInfoLog.ReadAsync(limited.Connection, DateTimeOffset.UtcNow.AddDays(-2), results, CancellationToken.None);

        Assert.Empty(registrations);
        Assert.Empty(results.Errors);
        string warning = Assert.Single(results.Warnings);
        Assert.StartsWith("Security info registration times are missing", warning, StringComparison.Ordinal);
        Assert.Contains("AuditLog.Read.All", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_since_beyond_the_logs_retention_is_a_warning_and_the_log_is_still_read()
    {
        await using SandboxTenant tenant = await SandboxTenant.StartAsync();
        var results = new KeptResults<SecurityInfoRegistration>();

        IReadOnlyList<SecurityInfoRegistration> registrations = await SecurityInfoLog.ReadAsync(tenant.Connection, DateTimeOffset.UtcNow.AddDays(-45), results, CancellationToken.None);

        Assert.Equal(3, registrations.Count);
        Assert.Contains("keeps security info registrations for 30 days", Assert.Single(results.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("success", "User registered Mobile Phone SMS", true)]
    [InlineData("failure", "User registered Mobile Phone SMS", false)]
    public void An_entry_counts_only_when_it_succeeded_and_names_its_user(string result, string reason, bool counts)
    {
        JsonNode entry = JsonNode.Parse($$$"""{"activityDisplayName":"User registered security info","activityDateTime":"2026-12-01T10:00:00Z","result":"{{{result}}}","resultReason":"{{{reason}}}","initiatedBy":{"user":{"id":"admin-1"}},"targetResources":[{"id":"user-1","type":"User"}]}""")!;
        JsonNode noTarget = JsonNode.Parse("""{"activityDateTime":"2026-12-01T10:00:00Z","result":"success","resultReason":"User registered Mobile Phone SMS","targetResources":[]}""")!;

        SecurityInfoRegistration? read = SecurityInfoLog.Read(entry);

        Assert.Equal(counts, read is not null);
        Assert.Equal(counts ? "user-1" : null, read?.UserId);
        Assert.Null(SecurityInfoLog.Read(noTarget));
    }
}
