namespace IdentityContainment.Module.Tests.Harness;

/// <summary>Secrets the bundled scenarios give their operator identities: the sandbox stores them write-only.</summary>
public static class SandboxSecrets
{
    public const string AutomationAppSecret = "sbx-automation~Q7pR2vX9kLm4Tn8Wc3YdE6fG";
}
