namespace IdentityContainment.Sandbox.Tests;

/// <summary>The rules of the kinds no bundled scenario plants, on a scenario built in code.</summary>
public sealed class FootholdRuleTests
{
    private static TenantState TenantWith(params FootholdDefinition[] footholds)
    {
        var clean = ScenarioLoader.Load("clean");
        var adele = clean.Users.Single(u => u.UserPrincipalName == Known.AdeleUpn);
        var zoom = clean.AppRoleAssignments.First(a => a.PrincipalId == adele.Id);
        var scenario = clean with
        {
            Mailboxes = clean.Mailboxes.Select(m => m.UserId == adele.Id
                ? m with { Delegations = [new MailboxDelegationRecord { Id = "deleg-1", Trustee = "mallory@contoso.com", AccessRights = ["FullAccess"] }] }
                : m).ToArray(),
            Footholds = footholds.Select(f => f with { UserId = adele.Id, Target = f.Target == "zoom" ? zoom.Id : f.Target }).ToArray(),
        };
        return new TenantState(ScenarioLoader.Prepare(scenario, "in-code"));
    }

    [Fact]
    public void App_role_assignment_foothold_is_open_while_the_assignment_exists()
    {
        var tenant = TenantWith(new FootholdDefinition { Id = "f", Kind = FootholdKind.AppRoleAssignment, UserId = "x", Target = "zoom", Description = "d" });
        var before = FootholdEvaluator.Evaluate(tenant).Single();

        tenant.RemoveAppRoleAssignment(before.Target);

        Assert.True(before.IsOpen);
        Assert.False(FootholdEvaluator.Evaluate(tenant).Single().IsOpen);
    }

    [Fact]
    public void Mailbox_delegation_foothold_is_open_while_the_delegation_exists()
    {
        var tenant = TenantWith(new FootholdDefinition { Id = "f", Kind = FootholdKind.MailboxDelegation, UserId = "x", Target = "deleg-1", Description = "d" });
        var before = FootholdEvaluator.Evaluate(tenant).Single();

        tenant.RemoveMailboxDelegation(Known.AdeleId, "deleg-1");

        Assert.True(before.IsOpen);
        Assert.Contains("FullAccess", before.Reason);
        Assert.False(FootholdEvaluator.Evaluate(tenant).Single().IsOpen);
    }

    [Fact]
    public void Device_foothold_closes_when_the_device_is_deleted()
    {
        var tenant = TenantWith();
        var device = tenant.DevicesOf(Known.AdeleId).Single();
        var withDevice = TenantWith(new FootholdDefinition { Id = "f", Kind = FootholdKind.Device, UserId = "x", Target = device.Id, Description = "d" });

        withDevice.RemoveDevice(device.Id);

        Assert.False(FootholdEvaluator.Evaluate(withDevice).Single().IsOpen);
    }
}
