namespace IdentityContainment.Detection.SignIns;

/// <summary>
/// The values in a sign-in that mean something to the rules (DETECTION.md "Identity footholds"): legacy client apps,
/// tooling user agents, the error codes of password spray and MFA fatigue, and the apps AiTM kits and device-code
/// phishing go through.
/// </summary>
public static class SignInSignals
{
    /// <summary>OfficeHome (the portal at office.com), the app AiTM phishing kits proxy the sign-in to.</summary>
    public const string OfficeHomeAppId = "4765445b-32c6-49b0-83e6-1d93765276ca";

    public const string OfficeHomeName = "OfficeHome";

    /// <summary>The Device Registration Service: the resource a device registration (join or Workplace register) signs in to.</summary>
    public const string DeviceRegistrationServiceId = "01cb2876-7ebd-4aa4-9cc9-d28bd4d359a9";

    public const string DeviceRegistrationServiceName = "Device Registration Service";

    /// <summary>
    /// The Microsoft Authentication Broker, the first-party client device registration goes through (and the client id
    /// device-code phishing for a device asks a code for).
    /// </summary>
    public const string AuthenticationBrokerAppId = "29d9ed98-a469-4536-ade2-f981bc1d605e";

    public const string AuthenticationBrokerName = "Microsoft Authentication Broker";

    /// <summary>
    /// clientAppUsed values of clients that sign in with a password alone (basic authentication): no MFA, no Conditional
    /// Access device checks. Compared whole, ignoring case, as Entra writes them. The list is the sign-in log's "Legacy
    /// authentication clients" (Microsoft Entra docs, "Customize and filter the activity logs in Microsoft Entra ID",
    /// howto-customize-filter-logs, table "Legacy authentication client details": Authenticated SMTP, Autodiscover, Exchange ActiveSync, Exchange Online PowerShell,
    /// Exchange Web Services, IMAP4, MAPI over HTTP, Offline Address Book, Outlook Anywhere (RPC over HTTP), Outlook
    /// Service, POP3, Reporting Web Services, Other clients), with the short forms the signIn resource page names (IMAP,
    /// POP; Graph docs, signIn resource type, clientAppUsed).
    /// </summary>
    public static readonly IReadOnlyCollection<string> LegacyClientApps = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "IMAP4", "IMAP", "POP3", "POP", "Authenticated SMTP", "Exchange ActiveSync", "Other clients",
        "Exchange Web Services", "MAPI Over HTTP", "Outlook Anywhere (RPC over HTTP)", "Offline Address Book",
        "AutoDiscover", "Exchange Online PowerShell", "Reporting Web Services", "Outlook Service",
    };

    /// <summary>
    /// Fragments of user agents that scripts and attack tools send (ROPC through BAV2ROPC, HTTP libraries, AADInternals).
    /// Matched as substrings, ignoring case: the fragment sits inside a longer agent ("python-requests/2.31.0").
    /// </summary>
    public static readonly IReadOnlyList<string> ToolingUserAgents = new[]
    {
        "BAV2ROPC", "python-requests", "axios", "Go-http-client", "AADInternals",
    };

    /// <summary>Error codes of a password being tried: wrong password, smart lockout, expired password, disabled account.</summary>
    public static readonly IReadOnlyDictionary<int, string> PasswordAttemptCodes = new Dictionary<int, string>
    {
        [50126] = "invalid user name or password",
        [50053] = "account locked by smart lockout, or the IP is known to be malicious",
        [50055] = "the password has expired",
        [50057] = "the account is disabled",
    };

    /// <summary>
    /// Error codes of a correct password stopped at MFA or by policy: the attacker has the password. 500121 is a denied
    /// or unanswered MFA prompt, the mark of MFA fatigue when it repeats.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, string> PasswordAcceptedCodes = new Dictionary<int, string>
    {
        [50074] = "strong authentication required: the password was right",
        [50076] = "MFA required by policy: the password was right",
        [50079] = "the user must register for MFA: the password was right",
        [500121] = "MFA was denied or not answered",
        [53003] = "blocked by Conditional Access",
        [53004] = "MFA registration blocked by Conditional Access",
        [530032] = "blocked by a security policy",
    };

    /// <summary>
    /// The MFA prompt the user denied or left unanswered. v1.0 cannot tell the two apart: status/additionalDetails reads
    /// "the user didn't complete the MFA prompt; they may have timed out, opted not to authenticate..." for both, and the
    /// per-step result (authenticationDetails) is beta only.
    /// </summary>
    public const int MfaDeniedCode = 500121;

    public static bool IsLegacyClient(SignInFacts signIn) => signIn.ClientAppUsed is { } client && LegacyClientApps.Contains(client.Trim());

    /// <summary>The tooling fragment in the sign-in's user agent, or null.</summary>
    public static string? ToolingAgentIn(SignInFacts signIn) =>
        signIn.UserAgent is { Length: > 0 } agent ? ToolingUserAgents.FirstOrDefault(t => agent.IndexOf(t, StringComparison.OrdinalIgnoreCase) >= 0) : null;

    public static bool IsOfficeHome(SignInFacts signIn) =>
        string.Equals(signIn.AppId, OfficeHomeAppId, StringComparison.OrdinalIgnoreCase) || string.Equals(signIn.AppDisplayName, OfficeHomeName, StringComparison.OrdinalIgnoreCase);

    /// <summary>A sign-in to the Device Registration Service: a device being joined or registered.</summary>
    public static bool IsDeviceRegistration(SignInFacts signIn) =>
        string.Equals(signIn.ResourceId, DeviceRegistrationServiceId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(signIn.AppId, DeviceRegistrationServiceId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(signIn.ResourceDisplayName, DeviceRegistrationServiceName, StringComparison.OrdinalIgnoreCase);

    /// <summary>A sign-in through the Microsoft Authentication Broker (by app id, or by name when the id is missing).</summary>
    public static bool IsAuthenticationBroker(SignInFacts signIn) =>
        string.Equals(signIn.AppId, AuthenticationBrokerAppId, StringComparison.OrdinalIgnoreCase)
        || (string.IsNullOrWhiteSpace(signIn.AppId) && string.Equals(signIn.AppDisplayName, AuthenticationBrokerName, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The device-code flow, from beta's authenticationProtocol ("deviceCode") or originalTransferMethod ("deviceCodeFlow").
    /// v1.0 carries neither (CSDL), so on v1.0 this is false and the flow shows only through the registration that follows.
    /// </summary>
    public static bool IsDeviceCodeFlow(SignInFacts signIn) =>
        string.Equals(signIn.AuthenticationProtocol, "deviceCode", StringComparison.OrdinalIgnoreCase)
        || string.Equals(signIn.OriginalTransferMethod, "deviceCodeFlow", StringComparison.OrdinalIgnoreCase);
}
