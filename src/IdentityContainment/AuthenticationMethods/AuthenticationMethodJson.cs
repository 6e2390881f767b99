using System.Text.Json.Nodes;
using IdentityContainment.Detection.AuthenticationMethods;
using static IdentityContainment.Graph.GraphJson;

namespace IdentityContainment.AuthenticationMethods;

/// <summary>
/// Reads one item of the polymorphic method list into the facts the table judges: the kind from @odata.type, and each
/// kind's own properties (CONTRACT §7, the v1.0 CSDL). Properties another kind would carry are read only for their kind,
/// so a number never shows up on an item that is not a phone.
/// </summary>
internal static class AuthenticationMethodJson
{
    public static AuthenticationMethodFacts Read(JsonNode item, MethodOwner owner)
    {
        string? odataType = Text(item, "@odata.type");
        AuthenticationMethodType type = AuthenticationMethodType.FromODataType(odataType);
        bool phone = type == AuthenticationMethodType.Phone;
        bool pass = type == AuthenticationMethodType.TemporaryAccessPass;
        return new AuthenticationMethodFacts
        {
            UserId = owner.UserId,
            UserPrincipalName = owner.UserPrincipalName,
            UsageLocation = owner.UsageLocation,
            Id = Text(item, "id") ?? string.Empty,
            Type = type,
            ODataType = odataType,

            // The FIDO2 examples in the docs spell it creationDateTime; the CSDL and the service say createdDateTime.
            CreatedDateTime = Time(item, "createdDateTime") ?? Time(item, "creationDateTime"),
            DisplayName = Text(item, "displayName"),
            PhoneNumber = phone ? Text(item, "phoneNumber") : null,
            PhoneType = phone ? Text(item, "phoneType") : null,
            PhoneAppVersion = type == AuthenticationMethodType.MicrosoftAuthenticator ? Text(item, "phoneAppVersion") : null,
            Model = type == AuthenticationMethodType.Fido2 ? Text(item, "model") : null,
            AaGuid = type == AuthenticationMethodType.Fido2 ? Text(item, "aaGuid") : null,
            EmailAddress = type == AuthenticationMethodType.Email ? Text(item, "emailAddress") : null,
            IsUsable = pass ? Flag(item, "isUsable") : null,
            StartDateTime = pass ? Time(item, "startDateTime") : null,
            LifetimeInMinutes = pass ? Number(item, "lifetimeInMinutes") : null,
            IsUsableOnce = pass ? Flag(item, "isUsableOnce") : null,
            BeforeImage = WithoutSecrets(item),
        };
    }

    /// <summary>
    /// The item as JSON for the before-image, without the secrets Graph documents as null on read (the pass itself, an
    /// OATH secret key): should a service ever send one, it must not reach evidence. A phone number is kept only masked,
    /// as findings show it (<see cref="PhoneNumbers"/>): evidence files should not carry the whole of anyone's number.
    /// </summary>
    public static string WithoutSecrets(JsonNode item)
    {
        if (item.DeepClone() is not JsonObject copy)
        {
            return item.ToJsonString();
        }

        copy.Remove("temporaryAccessPass");
        copy.Remove("secretKey");
        copy.Remove("password");
        if (Text(copy, "phoneNumber") is { } number)
        {
            copy["phoneNumber"] = PhoneNumbers.Masked(number);
        }

        return copy.ToJsonString();
    }
}
