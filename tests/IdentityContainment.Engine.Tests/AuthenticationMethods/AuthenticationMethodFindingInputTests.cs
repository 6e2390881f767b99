using System.Management.Automation;
using IdentityContainment.AuthenticationMethods;

namespace IdentityContainment.Engine.Tests.AuthenticationMethods;

/// <summary>Method findings piped back to the removal: live, re-imported as flat text, or not findings at all.</summary>
public sealed class AuthenticationMethodFindingInputTests
{
    private static PSObject Flat(params (string Name, object? Value)[] properties)
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
        var live = new AuthenticationMethodFinding { UserId = "u1", MethodId = "m1", Type = "Phone", RiskLevel = "High" };

        Assert.Same(live, AuthenticationMethodFindingInput.Read(new PSObject(live), out string? problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_finding_re_imported_as_text_is_read_by_its_property_names()
    {
        PSObject row = Flat(
            ("UserId", "bc67ba94-637d-4efa-a09e-467ada679f81"), ("UserPrincipalName", "adelev@contoso.com"), ("MethodId", "b6332ec1-7057-4abe-9331-3d72feddfe41"),
            ("Type", "Phone"), ("DisplayDetail", "+44 ********61, alternateMobile"), ("CreatedDateTime", "2026-12-01T13:30:00.0000000+00:00"),
            ("RiskLevel", "High"), ("ReasonCodes", new object[] { "AuthMethodRegisteredSinceCompromise", "AuthMethodPhoneAbroad" }));

        AuthenticationMethodFinding? finding = AuthenticationMethodFindingInput.Read(row, out string? problem);

        Assert.Null(problem);
        Assert.NotNull(finding);
        Assert.Equal(("bc67ba94-637d-4efa-a09e-467ada679f81", "b6332ec1-7057-4abe-9331-3d72feddfe41", "Phone", "High"), (finding.UserId, finding.MethodId, finding.Type, finding.RiskLevel));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 13, 30, 0, TimeSpan.Zero), finding.CreatedDateTime);
        Assert.Equal(new[] { "AuthMethodRegisteredSinceCompromise", "AuthMethodPhoneAbroad" }, finding.ReasonCodes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("InboxRule")]
    public void An_object_whose_type_is_no_method_kind_is_refused_saying_what_to_pass(string? type)
    {
        PSObject row = Flat(("UserId", "u1"), ("MethodId", "m1"), ("Type", type));

        Assert.Null(AuthenticationMethodFindingInput.Read(row, out string? problem));
        Assert.Contains("not an authentication method finding", problem, StringComparison.Ordinal);
        Assert.Contains("Get-SuspiciousAuthenticationMethod", problem, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAuthenticator", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_finding_without_its_ids_passes_on_so_the_removal_refuses_it_as_incomplete()
    {
        AuthenticationMethodFinding? finding = AuthenticationMethodFindingInput.Read(Flat(("Type", "Unknown"), ("RiskLevel", "Medium")), out string? problem);

        Assert.Null(problem);
        Assert.Equal((string.Empty, string.Empty), (finding!.UserId, finding.MethodId));
    }
}
