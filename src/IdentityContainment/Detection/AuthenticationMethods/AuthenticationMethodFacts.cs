namespace IdentityContainment.Detection.AuthenticationMethods;

/// <summary>
/// One authentication method of one user, as read from the polymorphic list (GET /users/{id}/authentication/methods,
/// CONTRACT §7): what it is, what identifies it to a person, and when it was registered. Gathered by a reader; judged by
/// the method table without any I/O.
/// </summary>
/// <remarks>
/// createdDateTime: the CSDL gives every kind one (inherited from authenticationMethod), but the service fills it only
/// for some. The docs' examples show it for Microsoft Authenticator (null when the app is not registered for
/// passwordless phone sign-in), Windows Hello for Business, Temporary Access Pass and FIDO2 (whose examples spell it
/// creationDateTime); phone, email, software OATH and password examples carry none. A method without it cannot be shown
/// to predate the compromise, and the table says so instead of passing it as old.
/// </remarks>
public sealed record AuthenticationMethodFacts
{
    /// <summary>
    /// The user's methods Graph lists without a registration date, this one included when it is undated: what an audit
    /// log registration of a kind could be, so the judge can tell whether the log points at this method or only at one
    /// of several alike (the user's own undated Authenticator beside the attacker's). Empty when the reader did not say.
    /// </summary>
    public IReadOnlyList<AuthenticationMethodFacts> UndatedOfUser { get; init; } = Array.Empty<AuthenticationMethodFacts>();

    /// <summary>The user's object id: what the method's path names.</summary>
    public string UserId { get; init; } = string.Empty;

    /// <summary>The user's principal name when known, for people to read.</summary>
    public string? UserPrincipalName { get; init; }

    /// <summary>The user's usageLocation (ISO 3166 alpha-2), for the phone country check; null when unset or unread.</summary>
    public string? UsageLocation { get; init; }

    /// <summary>The method's id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The kind, from the item's @odata.type (Unknown, with <see cref="ODataType"/>, for a kind the module does not know).</summary>
    public AuthenticationMethodType Type { get; init; } = AuthenticationMethodType.FromODataType(null);

    /// <summary>The @odata.type exactly as Graph gave it.</summary>
    public string? ODataType { get; init; }

    public DateTimeOffset? CreatedDateTime { get; init; }

    /// <summary>Authenticator, FIDO2, Windows Hello, platform credential, external: the name the user or device gave it.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Phone: the number as Graph gave it (international form, possibly masked already). Never shown whole.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>Phone: mobile, alternateMobile or office.</summary>
    public string? PhoneType { get; init; }

    /// <summary>Microsoft Authenticator: the app's version.</summary>
    public string? PhoneAppVersion { get; init; }

    /// <summary>FIDO2: the key's model and its authenticator attestation GUID.</summary>
    public string? Model { get; init; }

    public string? AaGuid { get; init; }

    /// <summary>Email: the address one-time codes go to.</summary>
    public string? EmailAddress { get; init; }

    /// <summary>Temporary Access Pass: whether it can be used now, as Graph says (it knows the policy and the clock).</summary>
    public bool? IsUsable { get; init; }

    public DateTimeOffset? StartDateTime { get; init; }

    public int? LifetimeInMinutes { get; init; }

    public bool? IsUsableOnce { get; init; }

    /// <summary>The item as Graph listed it (JSON).</summary>
    public string? BeforeImage { get; init; }
}
