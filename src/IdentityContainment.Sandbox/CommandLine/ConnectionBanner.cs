namespace IdentityContainment.Sandbox;

/// <summary>What the executable prints on start: where everything is and exactly how to connect from pwsh.</summary>
/// <remarks>Never prints a client secret or a token; the managed identity header is printed because pwsh needs it in IDENTITY_HEADER.</remarks>
internal static class ConnectionBanner
{
    public static void Write(TextWriter output, SandboxServer server, string? pemPath)
    {
        var tenant = server.Tenant;
        var footholds = tenant.Footholds.Count;
        output.WriteLine($"IdentityContainment sandbox: scenario '{tenant.ScenarioName}' ({tenant.Info.DisplayName}, {tenant.UserCount} users, {footholds} attacker foothold{(footholds == 1 ? "" : "s")})");
        output.WriteLine($"  Tenant id         {tenant.TenantId} ({tenant.Info.InitialDomain})");
        output.WriteLine($"  Graph             {server.GraphEndpoint}");
        if (server.HttpsGraphEndpoint is not null)
        {
            output.WriteLine($"  Graph (https)     {server.HttpsGraphEndpoint}");
            output.WriteLine($"  Authority host    {server.AuthorityHost}");
            output.WriteLine($"  Certificate (PEM) {pemPath}");
            output.WriteLine($"  HTTPS proxy       {server.HttpsProxy} (loopback only; reaches the Key Vaults)");
            if (server.KeyVaultUri is not null)
                output.WriteLine($"  Key Vault         {server.KeyVaultUri} (resource {KeyVaultResource.Uri})");
        }
        output.WriteLine($"  Managed identity  {server.ManagedIdentityEndpoint}");
        output.WriteLine($"  Ground truth      {server.HttpBaseAddress}sandbox/footholds");
        output.WriteLine($"  Request log       {server.HttpBaseAddress}sandbox/requests");
        output.WriteLine();
        output.WriteLine("Connect from pwsh with the managed identity (as a runbook in Azure Automation would):");
        output.WriteLine($"  $env:IDENTITY_ENDPOINT = '{server.ManagedIdentityEndpoint}'");
        output.WriteLine($"  $env:IDENTITY_HEADER = '{server.ManagedIdentityHeader}'");
        output.WriteLine($"  Connect-IdentityContainment -ManagedIdentity -TenantId {tenant.TenantId} -GraphEndpoint {server.GraphEndpoint}");

        var automation = tenant.Operators.Applications.FirstOrDefault();
        if (server.AuthorityHost is not null && automation is not null)
        {
            output.WriteLine();
            output.WriteLine($"Connect with the '{automation.DisplayName}' app's client secret (https; start pwsh with the certificate trusted):");
            output.WriteLine($"  SSL_CERT_FILE={pemPath} HTTPS_PROXY={server.HttpsProxy} pwsh");
            output.WriteLine($"  Connect-IdentityContainment -TenantId {tenant.TenantId} -ClientId {automation.AppId} -ClientSecret $secret `");
            output.WriteLine($"      -AuthorityHost {server.AuthorityHost} -GraphEndpoint {server.HttpsGraphEndpoint}");
            output.WriteLine($"  (the secret is in the scenario's operators.applications; see src/IdentityContainment.Sandbox/Scenarios/README.md)");
            if (server.KeyVaultUri is not null)
                output.WriteLine($"  (temporary passwords: Reset-CompromisedPassword -KeyVaultUri {server.KeyVaultUri}; HTTPS_PROXY must be set before pwsh starts)");
        }
        output.WriteLine();
        output.WriteLine("Press Ctrl+C to stop.");
    }
}
