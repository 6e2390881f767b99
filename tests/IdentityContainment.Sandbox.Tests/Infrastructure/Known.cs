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
}
