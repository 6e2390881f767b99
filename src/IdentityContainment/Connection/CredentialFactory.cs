using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using IdentityContainment.Errors;

namespace IdentityContainment.Connection;

/// <summary>Builds the Azure.Identity credential for each way of signing in.</summary>
internal static class CredentialFactory
{
    /// <summary>Microsoft Graph Command Line Tools: a public client present in most tenants, used when no -ClientId is given.</summary>
    public const string DefaultPublicClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

    private const string CommonTenant = "organizations";

    public static TokenCredential Create(ConnectionRequest request, Uri authorityHost)
    {
        switch (request.Method)
        {
            case AuthenticationMethod.InteractiveBrowser:
                return new InteractiveBrowserCredential(new InteractiveBrowserCredentialOptions
                {
                    TenantId = request.TenantId ?? CommonTenant,
                    ClientId = request.ClientId ?? DefaultPublicClientId,
                    AuthorityHost = authorityHost,
                    RedirectUri = new Uri("http://localhost"),
                });

            case AuthenticationMethod.DeviceCode:
                return new DeviceCodeCredential(new DeviceCodeCredentialOptions
                {
                    TenantId = request.TenantId ?? CommonTenant,
                    ClientId = request.ClientId ?? DefaultPublicClientId,
                    AuthorityHost = authorityHost,
                    DeviceCodeCallback = (code, _) =>
                    {
                        request.ShowDeviceCode?.Invoke(code.Message);
                        return Task.CompletedTask;
                    },
                });

            case AuthenticationMethod.ClientSecret:
                return new ClientSecretCredential(
                    RequireTenant(request),
                    RequireClientId(request),
                    SecureStrings.Reveal(request.ClientSecret!),
                    ConfidentialOptions<ClientSecretCredentialOptions>(authorityHost));

            case AuthenticationMethod.CertificateThumbprint:
                return new ClientCertificateCredential(
                    RequireTenant(request),
                    RequireClientId(request),
                    FindInStore(request.CertificateThumbprint!, request.CertificateStoreLocation),
                    ConfidentialOptions<ClientCertificateCredentialOptions>(authorityHost));

            case AuthenticationMethod.CertificateFile:
                return new ClientCertificateCredential(
                    RequireTenant(request),
                    RequireClientId(request),
                    LoadPfx(request.CertificatePath!, request.CertificatePassword),
                    ConfidentialOptions<ClientCertificateCredentialOptions>(authorityHost));

            case AuthenticationMethod.ManagedIdentity:
                // Azure Automation, App Service and VMs: the platform hands the token out; no secret is ours to keep.
                return new ManagedIdentityCredential(request.ClientId is null
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(request.ClientId));

            case AuthenticationMethod.AccessToken:
                return StaticTokenCredential.From(request.AccessToken!);

            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Method, "Unknown sign-in method.");
        }
    }

    private static T ConfidentialOptions<T>(Uri authorityHost)
        where T : TokenCredentialOptions, new()
    {
        var options = new T { AuthorityHost = authorityHost };
        // Instance discovery asks the public cloud which authorities exist; a sovereign or sandbox authority is not on
        // that list, and the authority host was chosen explicitly anyway.
        switch (options)
        {
            case ClientSecretCredentialOptions secret:
                secret.DisableInstanceDiscovery = true;
                break;
            case ClientCertificateCredentialOptions certificate:
                certificate.DisableInstanceDiscovery = true;
                certificate.SendCertificateChain = false;
                break;
        }

        return options;
    }

    private static string RequireTenant(ConnectionRequest request) =>
        request.TenantId ?? throw new ContainmentException(
            ContainmentErrorKind.InvalidArgument,
            "TenantIdRequired",
            $"{request.Method} sign-in needs -TenantId: the tenant's id (GUID) or a verified domain such as contoso.onmicrosoft.com.");

    private static string RequireClientId(ConnectionRequest request) =>
        request.ClientId ?? throw new ContainmentException(
            ContainmentErrorKind.InvalidArgument,
            "ClientIdRequired",
            $"{request.Method} sign-in needs -ClientId: the application (client) id of the app registration.");

    private static X509Certificate2 FindInStore(string thumbprint, StoreLocation location)
    {
        string normalized = thumbprint.Replace(" ", string.Empty).Trim();
        X509Certificate2? certificate;
        try
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            certificate = store.Certificates.Find(X509FindType.FindByThumbprint, normalized, validOnly: false).Cast<X509Certificate2>().FirstOrDefault();
        }
        catch (Exception ex) when (ex is CryptographicException or PlatformNotSupportedException)
        {
            // A store that does not exist yet, or LocalMachine\My on Linux and macOS, which .NET does not offer there.
            throw new ContainmentException(
                ContainmentErrorKind.NotFound,
                "CertificateStoreUnavailable",
                $"The certificate store Cert:\\{location}\\My cannot be opened here ({ex.Message}). Use -CertificateStoreLocation CurrentUser, or -CertificatePath with a PFX file.",
                thumbprint,
                ex);
        }

        if (certificate is null)
        {
            throw new ContainmentException(
                ContainmentErrorKind.NotFound,
                "CertificateNotFound",
                $"No certificate with thumbprint {normalized} is in Cert:\\{location}\\My. Check the thumbprint, the store location (-CertificateStoreLocation), or use -CertificatePath with a PFX file.",
                thumbprint);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "CertificateWithoutPrivateKey",
                $"The certificate with thumbprint {normalized} in Cert:\\{location}\\My has no private key this account can use; app sign-in needs it.",
                thumbprint);
        }

        return certificate;
    }

    private static X509Certificate2 LoadPfx(string path, SecureString? password)
    {
        if (!File.Exists(path))
        {
            throw new ContainmentException(
                ContainmentErrorKind.NotFound,
                "CertificateFileNotFound",
                $"The certificate file '{path}' does not exist.",
                path);
        }

        try
        {
            // An ephemeral key never touches the disk; macOS cannot hold one, so there the key goes to the default place.
            X509KeyStorageFlags storage = RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
            return new X509Certificate2(path, password, storage);
        }
        catch (CryptographicException ex)
        {
            throw new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "CertificateFileUnreadable",
                $"The certificate file '{path}' could not be opened: the -CertificatePassword is wrong, or the file is not a PFX (PKCS#12) with a private key.",
                path,
                ex);
        }
    }
}
