namespace IdentityContainment.Sandbox.Tests;

/// <summary>Names from the bundled scenarios (Scenarios/README.md) that tests refer to.</summary>
internal static class Known
{
    public const string AdeleUpn = "adelev@contoso.com";
    public const string AdeleId = "bc67ba94-637d-4efa-a09e-467ada679f81";
    public const string GlobalAdminUpn = "meganb@contoso.com";
    public const string DelegatedAdminUpn = "nestorw@contoso.com";
    public const string AlexUpn = "alexw@contoso.com";
    public const string SyncedUserUpn = "lidiah@contoso.com";
    public const string GuestUpn = "jordan.miller_fabrikam.com#EXT#@contosodemo.onmicrosoft.com";
    public const string TenantId = "f6fadfa7-e5c1-4b62-9362-da5cc13da58a";
    public const string AutomationAppId = "ca3ab343-ac33-4b68-be9b-f77c6519a9d5";
    public const string AutomationSecret = "sbx-automation~Q7pR2vX9kLm4Tn8Wc3YdE6fG";
    public const string ReporterAppId = "03c472ca-4495-48b4-b8d8-89d2b47a5c1d";
    public const string SystemManagedIdentityClientId = "77dde229-df88-4e4d-ac23-86e5cc86ba64";
    public const string UserManagedIdentityClientId = "c3dd75f6-8085-48e6-ac92-5f09a227f039";
    public const string StrongPassword = "N3w-Contained!Pass";
    public const string AdelePassword = "Summer2026!Payables";
    public const string AlexId = "fab36728-a78b-4b7e-8787-c0de2f960063";
    public const string DelegatedAdminId = "8a119b9e-16bc-4732-8f7b-7676d015b0dc";
    public const string SyncedUserId = "dd2ee150-d284-4277-b89c-1af40ce8fcc9";
    public const string GuestId = "3c3ae353-fb14-428e-90b4-01a6c1cc0aff";
    public const string AttackerDeviceId = "adff32f5-35dd-4954-a7f8-022a4eedef2a";
    public const string AdeleLaptopId = "b21b1c2e-1f61-41bc-acb7-0dd842762334";

    /// <summary>Adele's own "Adele's iPhone" (iOS, Workplace-registered long before the attack): a device no app may disable.</summary>
    public const string AdelePhoneId = "4e277e37-2ca3-4564-b2b5-d6383b7e7a53";
    public const string VaultName = "kv-contoso-containment";
    public const string AutomationServicePrincipalId = "68e58909-ccb2-4416-925a-56c9a30f4300";
    public const string PasswordMethodId = "28c10230-6103-485e-b985-444c60001490";
    public const string GraphServicePrincipalId = "b9c8b9ff-e46e-4627-9419-c7723226db94";
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    public const string ExchangeServicePrincipalId = "f2a3c4d5-6e7f-4a8b-9c0d-1e2f3a4b5c6d";
    public const string ZoomServicePrincipalId = "a398d022-d435-4df4-8322-905089933837";
    public const string AdobeGrantId = "tB6LTB5Pz0yDcqKnhKZyRf-5yLlu5CdGlBnHcjIm25SUume8fWP6TqCeRnraZ5-B";

    // aitm-bec's consent-phishing app and its two grants (Graph and Exchange Online).
    public const string AttackerAppServicePrincipalId = "ac9130f4-547c-47d3-8e3a-655f20731ab2";
    public const string AttackerAppId = "8f39aaa5-729a-453c-b891-da33e83a9d40";
    public const string AttackerGraphGrantId = "9DCRrHxU00eOOmVfIHMasv-5yLlu5CdGlBnHcjIm25SUume8fWP6TqCeRnraZ5-B";
    public const string AttackerExchangeGrantId = "9DCRrHxU00eOOmVfIHMastXEo_J_botKnA0eLzpLXG0lLpnvH1j-k6gnkZ62mefgQ";

    // illicit-consent.
    public const string PhishingAppServicePrincipalId = "424df1e3-eb29-5194-8892-664a02bcaa31";
    public const string AdminConsentedAppServicePrincipalId = "fe108c33-410e-5d3d-892c-67e2cfa6f473";
    public const string PayrollAppServicePrincipalId = "e5fc6554-3f78-5ee3-b6c3-96a631fd1b26";
    public const string MicrosoftOfficeServicePrincipalId = "ac5fca4a-2707-5280-8629-275d36185cba";
    public const string MicrosoftTenantId = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
}
