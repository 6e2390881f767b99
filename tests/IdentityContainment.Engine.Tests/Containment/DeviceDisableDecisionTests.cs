using IdentityContainment.Containment;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Engine.Tests.Containment;

public sealed class DeviceDisableDecisionTests
{
    private static readonly DateTimeOffset Since = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ContainmentUser Victim = new() { Id = "11111111-1111-4111-8111-111111111111", UserPrincipalName = "victim@contoso.com" };
    private static readonly ContainmentContext App = new() { PermissionType = "Application" };
    private static readonly ContainmentContext Person = new() { PermissionType = "Delegated" };

    private static RegisteredDevice Device(string id, DateTimeOffset? registered, bool? enabled = true) =>
        new(id, "dev-" + id, "PC-" + id, "Windows", registered, enabled);

    [Theory]
    [InlineData(-3600, true, false)]    // the user's own, from before the compromise
    [InlineData(-1, true, false)]
    [InlineData(0, true, true)]         // registered the moment the compromise began
    [InlineData(3600, true, true)]
    [InlineData(3600, null, true)]      // enabled state hidden: still the attacker's to suspect
    [InlineData(3600, false, false)]    // already disabled: nothing to write
    public void A_device_is_chosen_when_registered_since_the_compromise_and_still_enabled(int secondsFromSince, bool? enabled, bool chosen)
    {
        RegisteredDevice device = Device("d1", Since.AddSeconds(secondsFromSince), enabled);

        (IReadOnlyList<DeviceTarget> toDisable, var report) = DeviceDisableDecision.Choose(new[] { new UserDevices(Victim, new[] { device }, null) }, Since);

        Assert.Equal(chosen, toDisable.Any(t => t.Device == device && t.User == Victim));
        Assert.Empty(report.Entries);
    }

    [Fact]
    public void A_device_without_a_registration_date_is_reported_and_never_chosen()
    {
        (IReadOnlyList<DeviceTarget> toDisable, var report) = DeviceDisableDecision.Choose(
            new[] { new UserDevices(Victim, new[] { Device("hidden", null), Device("new", Since.AddHours(1)) }, null) }, Since);

        Assert.Equal("new", Assert.Single(toDisable).Device.Id);
        string warning = Assert.Single(report.Warnings);
        Assert.Contains("(hidden) came back without its registration date", warning, StringComparison.Ordinal);
        Assert.Contains("Device.Read.All", warning, StringComparison.Ordinal);
        Assert.Empty(report.Errors);
    }

    [Fact]
    public void A_user_whose_list_failed_is_reported_and_the_other_users_devices_are_still_chosen()
    {
        var other = new ContainmentUser { Id = "22222222-2222-4222-8222-222222222222", UserPrincipalName = "other@contoso.com" };

        (IReadOnlyList<DeviceTarget> toDisable, var report) = DeviceDisableDecision.Choose(
            new[] { new UserDevices(Victim, null, ListOutcome.Failed(0, Answers.Refused(500, "InternalServerError", "boom").Error)), new UserDevices(other, new[] { Device("d2", Since) }, null) },
            Since);

        Assert.Equal(other, Assert.Single(toDisable).User);
        var error = Assert.Single(report.Errors);
        Assert.Contains("list the devices registered to 'victim@contoso.com'", error.Message, StringComparison.Ordinal);
        Assert.Empty(report.Results);
    }

    [Fact]
    public void A_disabled_device_is_reported_succeeded_with_its_description_and_the_request_that_did_it()
    {
        var target = new DeviceTarget(Victim, Device("d1", new DateTimeOffset(2026, 12, 2, 10, 30, 0, TimeSpan.Zero)));
        DateTimeOffset answeredAt = Since.AddHours(30);

        var report = DeviceDisableDecision.Answered(target, Answers.Ok("req-1"), answeredAt, App);

        ContainmentAction row = Assert.Single(report.Results);
        Assert.Equal((ContainmentActions.DisableDevice, ContainmentActionStatus.Succeeded, "d1", Victim.Id, "req-1", answeredAt), (row.Action, row.Status, row.Target, row.UserId, row.RequestId, row.Timestamp));
        Assert.False(row.AccountEnabled);
        Assert.Equal("PC-d1 (Windows, registered 2026-12-02 10:30Z)", row.Message);
        Assert.Empty(report.Errors);
    }

    [Theory]
    [InlineData(403, "Application", "DeviceDisableDenied")]   // an app may disable only Windows devices
    [InlineData(403, "Delegated", "GraphPermissionDenied")]
    [InlineData(404, "Application", "DeviceNotFound")]
    public void A_refused_device_is_reported_failed_with_the_error_that_says_what_to_do(int status, string permissionType, string errorId)
    {
        var target = new DeviceTarget(Victim, Device("d1", Since));

        var report = DeviceDisableDecision.Answered(target, Answers.Refused(status), Since, permissionType == "Application" ? App : Person);

        var error = Assert.Single(report.Errors);
        Assert.Equal(errorId, error.ErrorId);
        ContainmentAction row = Assert.Single(report.Results);
        Assert.Equal(ContainmentActionStatus.Failed, row.Status);
        Assert.Null(row.AccountEnabled);
        Assert.Equal(error.Message, row.Message);
        // The error comes before the row that records it, as the operator reads them.
        Assert.Equal(new[] { RecordedResultKind.Error, RecordedResultKind.Result }, report.Entries.Select(e => e.Kind));
    }

    public static TheoryData<string, string[], string, string?> ScreenCases => new()
    {
        // An app may disable a Windows device; Graph lets it change nothing else on any other (device-update docs).
        { "Application", ["Device.ReadWrite.All"], "Windows", null },
        { "Application", ["Device.ReadWrite.All"], "iOS", "AppOnlyCannotDisableDevice" },
        { "Application", ["Device.ReadWrite.All"], "MacMDM", "AppOnlyCannotDisableDevice" },
        // The operating system hidden: left to Graph, whose 403 is explained when it comes.
        { "Application", ["Device.ReadWrite.All"], "", null },
        { "Application", ["User.Read.All", "Device.Read.All"], "Windows", "DeviceWritePermissionMissing" },
        { "Application", ["Directory.ReadWrite.All"], "Windows", null },
        // A person may disable any device, with the one delegated permission Graph accepts.
        { "Delegated", ["Directory.AccessAsUser.All"], "iOS", null },
        { "Delegated", ["Device.ReadWrite.All"], "Windows", "DeviceWritePermissionMissing" },
        // A token whose permissions the module could not read is left to Graph.
        { "Application", [], "Windows", null },
    };

    [Theory]
    [MemberData(nameof(ScreenCases))]
    public void What_graph_would_refuse_is_set_aside_before_sending_with_what_to_do(string permissionType, string[] scopes, string operatingSystem, string? errorId)
    {
        var context = new ContainmentContext { PermissionType = permissionType, Scopes = scopes };
        var target = new DeviceTarget(Victim, new RegisteredDevice("d1", "dev-d1", "PC-d1", operatingSystem.Length == 0 ? null : operatingSystem, Since, true));

        (IReadOnlyList<DeviceTarget> toSend, var report) = DeviceDisableDecision.Screen(new[] { target }, context);

        if (errorId is null)
        {
            Assert.Same(target, Assert.Single(toSend));
            Assert.Empty(report.Entries);
            return;
        }

        Assert.Empty(toSend);
        var error = Assert.Single(report.Errors);
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(Errors.ContainmentErrorKind.PermissionDenied, error.Kind);
        ContainmentAction row = Assert.Single(report.Results);
        Assert.Equal((ContainmentActionStatus.Failed, "d1", (string?)null), (row.Status, row.Target, row.BeforeImage));
        Assert.Equal(error.Message, row.Message);
    }

    [Fact]
    public void The_app_only_refusal_names_the_delegated_roles_that_can_and_how_to_sign_in_as_one()
    {
        var target = new DeviceTarget(Victim, new RegisteredDevice("d1", "dev-d1", "iPhone", "iOS", Since, true));

        string message = Assert.Single(DeviceDisableDecision.Screen(new[] { target }, new ContainmentContext { PermissionType = "Application", Scopes = ["Device.ReadWrite.All"] }).Report.Errors).Message;

        Assert.Contains("runs iOS", message, StringComparison.Ordinal);
        foreach (string role in new[] { "Cloud Device Administrator", "Intune Administrator", "Global Administrator", "Directory.AccessAsUser.All", "Connect-IdentityContainment" })
        {
            Assert.Contains(role, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_disabled_device_carries_the_before_image_it_was_read_with()
    {
        var target = new DeviceTarget(Victim, Device("d1", Since)) { BeforeImage = "{\"id\":\"d1\",\"accountEnabled\":true}" };

        ContainmentAction done = Assert.Single(DeviceDisableDecision.Answered(target, Answers.Ok("req-1"), Since, App).Results);
        ContainmentAction refused = Assert.Single(DeviceDisableDecision.Answered(target, Answers.Refused(500), Since, App).Results);

        Assert.Equal(target.BeforeImage, done.BeforeImage);
        Assert.Null(refused.BeforeImage);
    }
}
