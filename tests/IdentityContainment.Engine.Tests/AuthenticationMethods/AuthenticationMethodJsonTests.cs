using System.Text.Json.Nodes;
using IdentityContainment.AuthenticationMethods;
using IdentityContainment.Detection.AuthenticationMethods;

namespace IdentityContainment.Engine.Tests.AuthenticationMethods;

/// <summary>Items of the polymorphic method list read into facts: each kind's own properties, unknown kinds kept, no secret carried.</summary>
public sealed class AuthenticationMethodJsonTests
{
    private static readonly MethodOwner Owner = new("11111111-2222-3333-4444-555555555555", "adelev@contoso.com", "US");

    private static AuthenticationMethodFacts Read(string json) => AuthenticationMethodJson.Read(JsonNode.Parse(json)!, Owner);

    [Fact]
    public void A_phone_keeps_its_number_and_type_for_the_rules_and_the_owners_usage_location()
    {
        AuthenticationMethodFacts phone = Read("""{"@odata.type":"#microsoft.graph.phoneAuthenticationMethod","id":"3179e48a-750b-4051-897c-87b9720928f7","phoneNumber":"+44 7700900456","phoneType":"mobile","smsSignInState":"ready"}""");

        Assert.Equal(AuthenticationMethodType.Phone, phone.Type);
        Assert.Equal(("+44 7700900456", "mobile", "US", Owner.UserId), (phone.PhoneNumber, phone.PhoneType, phone.UsageLocation, phone.UserId));
        Assert.Null(phone.CreatedDateTime);
        Assert.Equal("+44 ********56, mobile", MethodDisplayDetail.Of(phone));
    }

    [Fact]
    public void A_phones_before_image_keeps_its_number_only_masked()
    {
        AuthenticationMethodFacts phone = Read("""{"@odata.type":"#microsoft.graph.phoneAuthenticationMethod","id":"b6332ec1-7057-4abe-9331-3d72feddfe41","phoneNumber":"+44 7700900461","phoneType":"alternateMobile","smsSignInState":"notAllowedByPolicy"}""");

        JsonNode image = JsonNode.Parse(phone.BeforeImage!)!;
        Assert.Equal("+44 ********61", (string?)image["phoneNumber"]);
        Assert.Equal("alternateMobile", (string?)image["phoneType"]);
        Assert.DoesNotContain("7700900461", phone.BeforeImage, StringComparison.Ordinal);
        Assert.Equal("+44 7700900461", phone.PhoneNumber);
    }

    [Fact]
    public void A_fido2_key_dated_with_the_docs_creationDateTime_spelling_still_has_its_registration_time()
    {
        AuthenticationMethodFacts key = Read("""{"@odata.type":"#microsoft.graph.fido2AuthenticationMethod","id":"-k1_x","displayName":"Blue key","creationDateTime":"2026-11-30T08:15:00Z","aaGuid":"cb69481e-8ff7-4039-93ec-0a2729a154a8","model":"YubiKey 5 NFC","attestationLevel":"attested"}""");

        Assert.Equal(AuthenticationMethodType.Fido2, key.Type);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero), key.CreatedDateTime);
        Assert.Equal("Blue key, YubiKey 5 NFC, AAGUID cb69481e-8ff7-4039-93ec-0a2729a154a8", MethodDisplayDetail.Of(key));
    }

    [Fact]
    public void A_kind_the_module_does_not_know_is_kept_with_its_odata_type()
    {
        AuthenticationMethodFacts method = Read("""{"@odata.type":"#microsoft.graph.qrCodePinAuthenticationMethod","id":"q1","createdDateTime":"2026-12-01T10:00:00Z"}""");

        Assert.False(method.Type.IsKnown);
        Assert.Equal(("Unknown", "#microsoft.graph.qrCodePinAuthenticationMethod", "q1"), (method.Type.Name, method.ODataType, method.Id));
        Assert.Null(method.Type.ItemPath(Owner.UserId, method.Id));
    }

    [Fact]
    public void A_temporary_access_pass_keeps_its_lifetime_and_never_its_secret_in_the_before_image()
    {
        AuthenticationMethodFacts pass = Read("""{"@odata.type":"#microsoft.graph.temporaryAccessPassAuthenticationMethod","id":"t1","temporaryAccessPass":"Zx9-secret!","createdDateTime":"2026-12-02T09:00:00Z","startDateTime":"2026-12-02T09:00:00Z","lifetimeInMinutes":480,"isUsableOnce":false,"isUsable":true,"methodUsabilityReason":"EnabledByPolicy"}""");

        Assert.Equal((true, 480, false), (pass.IsUsable, pass.LifetimeInMinutes, pass.IsUsableOnce));
        Assert.DoesNotContain("Zx9-secret!", pass.BeforeImage, StringComparison.Ordinal);
        Assert.Contains("\"lifetimeInMinutes\":480", pass.BeforeImage, StringComparison.Ordinal);
    }

    [Fact]
    public void Properties_of_another_kind_are_not_read_onto_an_item()
    {
        AuthenticationMethodFacts app = Read("""{"@odata.type":"#microsoft.graph.microsoftAuthenticatorAuthenticationMethod","id":"a1","displayName":"Pixel 8","phoneAppVersion":"6.2401.0","phoneNumber":"+1 4255550000","createdDateTime":null}""");

        Assert.Equal(AuthenticationMethodType.MicrosoftAuthenticator, app.Type);
        Assert.Null(app.PhoneNumber);
        Assert.Equal("Pixel 8, app 6.2401.0", MethodDisplayDetail.Of(app));
    }
}
