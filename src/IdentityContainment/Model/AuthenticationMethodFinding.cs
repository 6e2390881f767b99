using IdentityContainment.Detection;

namespace IdentityContainment;

/// <summary>
/// One authentication method of a user, judged: an attacker's way back in through MFA or self-service reset. Flat and
/// text-valued for runbooks and JSON evidence; piped to a removal, it names exactly the method to delete and its path.
/// </summary>
public sealed class AuthenticationMethodFinding : Finding
{
    /// <summary>The user's Entra object id.</summary>
    public string UserId { get; init; } = string.Empty;

    public string? UserPrincipalName { get; init; }

    /// <summary>The method's id.</summary>
    public string MethodId { get; init; } = string.Empty;

    /// <summary>Phone, MicrosoftAuthenticator, Fido2, SoftwareOath, Email, TemporaryAccessPass, WindowsHelloForBusiness, PlatformCredential, External or Unknown.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>The @odata.type as Graph gave it (what an Unknown method is).</summary>
    public string? ODataType { get; init; }

    /// <summary>What identifies the method to a person: a masked phone number and its type, a device and app version, a key model, an address, a pass's lifetime.</summary>
    public string DisplayDetail { get; init; } = string.Empty;

    /// <summary>When it was registered, where Graph says (not every kind carries it).</summary>
    public DateTimeOffset? CreatedDateTime { get; init; }

    /// <summary>The path the method is deleted through (relative to the Graph version root); null for a kind without one.</summary>
    public string? DeletePath { get; init; }

    /// <summary>The method as Graph listed it (JSON).</summary>
    public string? BeforeImage { get; init; }

    public override string ToString() => $"{RiskLevel} {Type} {UserPrincipalName ?? UserId}: {DisplayDetail}";
}
