using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using IdentityContainment.Connection;
using IdentityContainment.Errors;

namespace IdentityContainment.Containment;

/// <summary>
/// Keeps temporary passwords in an Azure Key Vault, for runbooks whose output must never hold a password: each one is
/// a secret named after the user, tagged with who reset it and when, expiring after a week (the user changes the
/// password at first sign-in anyway). It signs in with the connection's own credential.
/// </summary>
public sealed class PasswordVault
{
    private static readonly TimeSpan SecretLifetime = TimeSpan.FromDays(7);

    private readonly SecretClient _client;
    private readonly Uri _vaultUri;
    private readonly string _operator;

    private PasswordVault(Uri vaultUri, TokenCredential credential, string @operator)
    {
        var options = new SecretClientOptions();
        options.AddPolicy(new ChallengedAnswerPolicy(), HttpPipelinePosition.BeforeTransport);
        _client = new SecretClient(vaultUri, credential, options);
        _vaultUri = vaultUri;
        _operator = @operator;
    }

    /// <summary>Opens the vault and proves the connection may use it, before any password is changed.</summary>
    public static async Task<PasswordVault> OpenAsync(GraphConnection connection, Uri vaultUri, CancellationToken cancellationToken)
    {
        CloudEnvironment environment = Enum.TryParse(connection.Context.Environment, out CloudEnvironment parsed) ? parsed : CloudEnvironment.Global;
        vaultUri = KeyVaultAddress.Require(vaultUri, environment);
        if (connection.Context.AuthenticationMethod == nameof(AuthenticationMethod.AccessToken))
        {
            throw new ContainmentException(
                ContainmentErrorKind.AuthenticationFailed,
                "KeyVaultTokenUnavailable",
                "This connection was made with -AccessToken, a token for Microsoft Graph only; it cannot get a token for Key Vault. Connect with -ManagedIdentity, a certificate or a client secret to store passwords in Key Vault, or leave out -KeyVaultUri.",
                vaultUri.AbsoluteUri);
        }

        var vault = new PasswordVault(vaultUri, connection.Credential, connection.Context.Account ?? connection.Context.AppId ?? "unknown");
        try
        {
            // Reading a secret that does not exist proves the vault challenged us and accepted the token: 404, or 403
            // for an identity allowed only to set secrets (least privilege). A firewall's 403 means no access at all.
            // Only answers to a request that carried the token count (ChallengedAnswerPolicy).
            await vault._client.GetSecretAsync("identitycontainment-access-check", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404 || (ex.Status == 403 && !ex.Message.Contains("ForbiddenByFirewall")))
        {
        }
        catch (VaultNeverChallengedException ex)
        {
            throw new ContainmentException(
                ContainmentErrorKind.AuthenticationFailed,
                "KeyVaultNotAuthenticated",
                $"-KeyVaultUri {vaultUri} did not behave as Key Vault: {ex.Message} Check that it is your vault's URI. No password was changed.",
                vaultUri.AbsoluteUri,
                ex);
        }
        catch (Exception ex) when (ex is RequestFailedException or Azure.Identity.AuthenticationFailedException or HttpRequestException)
        {
            throw new ContainmentException(
                ContainmentErrorKind.PermissionDenied,
                "KeyVaultUnavailable",
                $"Key Vault {vaultUri} cannot be used with this connection ({SignInFailureText.Describe(ex)}). Give the identity the Key Vault Secrets Officer role on the vault (or get/set secret permissions) and check the vault's network rules. No password was changed.",
                vaultUri.AbsoluteUri,
                ex);
        }

        return vault;
    }

    /// <summary>Stores the user's temporary password and returns the secret's versioned URI.</summary>
    public async Task<string> StoreAsync(ContainmentUser user, char[] password, CancellationToken cancellationToken)
    {
        var secret = new KeyVaultSecret($"temp-password-{user.Id}", new string(password));
        secret.Properties.ContentType = "text/plain; temporary password";
        secret.Properties.ExpiresOn = DateTimeOffset.UtcNow + SecretLifetime;
        secret.Properties.Tags["userPrincipalName"] = user.UserPrincipalName ?? user.Id;
        secret.Properties.Tags["resetBy"] = _operator;
        secret.Properties.Tags["resetAt"] = DateTimeOffset.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        secret.Properties.Tags["source"] = "IdentityContainment";
        Response<KeyVaultSecret> stored = await _client.SetSecretAsync(secret, cancellationToken).ConfigureAwait(false);

        // Stored means Key Vault gave back the secret bundle with the new version's id, in this vault, under this name.
        if (stored.Value?.Id is not { } id || !TokenDestinations.SameOrigin(id, _vaultUri) || !id.AbsolutePath.StartsWith($"/secrets/{secret.Name}/", StringComparison.OrdinalIgnoreCase))
        {
            throw new ContainmentException(
                ContainmentErrorKind.ServiceError,
                "KeyVaultStoreUnconfirmed",
                $"Key Vault {_vaultUri} answered the store of {secret.Name} without the stored secret's id, so it is not known to hold the password.",
                user.Id);
        }

        return id.AbsoluteUri;
    }
}
