using System.Management.Automation;
using IdentityContainment.Devices;

namespace IdentityContainment.Engine.Tests.Devices;

/// <summary>Findings piped back to Disable-SuspiciousDevice, live or as evidence re-imported.</summary>
public sealed class DeviceFindingInputTests
{
    private const string DeviceObjectId = "adff32f5-35dd-4954-a7f8-022a4eedef2a";

    private static PSObject Row(params (string Name, object? Value)[] properties)
    {
        var row = new PSObject();
        foreach ((string name, object? value) in properties)
        {
            row.Properties.Add(new PSNoteProperty(name, value));
        }

        return row;
    }

    [Fact]
    public void A_live_finding_is_taken_as_it_is()
    {
        var live = new DeviceFinding { DeviceObjectId = DeviceObjectId, UserId = "u1" };

        Assert.Same(live, DeviceFindingInput.Read(new PSObject(live), out string? problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_row_re_imported_from_json_or_csv_is_read_by_name_with_its_strings_turned_back()
    {
        PSObject row = Row(("UserId", "u1"), ("UserPrincipalName", "adelev@contoso.com"), ("DeviceObjectId", DeviceObjectId), ("DisplayName", "DESKTOP-R8T2KQ9"),
            ("OperatingSystem", "Windows"), ("RegistrationDateTime", "2026-12-01T11:30:00.0000000+00:00"), ("RiskLevel", "High"), ("ReasonCodes", new object[] { "DeviceUnmanaged" }));

        DeviceFinding finding = DeviceFindingInput.Read(row, out string? problem)!;

        Assert.Null(problem);
        Assert.Equal((DeviceObjectId, "u1", "DESKTOP-R8T2KQ9", "Windows", "High"), (finding.DeviceObjectId, finding.UserId, finding.DisplayName, finding.OperatingSystem, finding.RiskLevel));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 11, 30, 0, TimeSpan.Zero), finding.RegistrationDateTime);
        Assert.Equal(new[] { "DeviceUnmanaged" }, finding.ReasonCodes);
    }

    [Theory]
    [InlineData(null, "has no DeviceObjectId")]
    [InlineData("", "has no DeviceObjectId")]
    [InlineData("../users/adelev@contoso.com", "is not a directory object id")]
    public void An_object_that_cannot_name_a_device_is_refused_with_the_property_it_lacks(string? objectId, string expected)
    {
        PSObject row = Row(("UserId", "u1"), ("DeviceObjectId", objectId));

        Assert.Null(DeviceFindingInput.Read(row, out string? problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains("Get-SuspiciousDevice", problem, StringComparison.Ordinal);
    }
}
