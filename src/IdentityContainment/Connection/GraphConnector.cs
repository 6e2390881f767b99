using Azure.Core;
using Azure.Identity;
using IdentityContainment.Errors;
using IdentityContainment.Graph;

namespace IdentityContainment.Connection;

/// <summary>Signs in, checks that the token fits the tenant and Graph asked for, and proves it with one Graph call.</summary>
public static class GraphConnector
{
    /// <summary>
    /// Signs in and returns the connection. <c>logsWindow</c> is the window of the sign-in and audit logs' budget (5
    /// requests per 10 s, <see cref="Graph.Budgets.SlidingWindowBudget.GraphLogsWindow"/>, when null): a benchmark or test
    /// against a sandbox whose reports window is scaled down in time scales the connection's alike.
    /// </summary>
    public static async Task<GraphConnection> ConnectAsync(ConnectionRequest request, CancellationToken cancellationToken, RetryPolicy? retryPolicy = null, WriteQuotaPacer? writeQuota = null, TimeSpan? logsWindow = null)
    {
        CloudEndpoints cloud = CloudEndpoints.For(request.Environment);
        Uri graphEndpoint = request.GraphEndpoint ?? cloud.GraphEndpoint;
        Uri authorityHost = request.AuthorityHost ?? cloud.AuthorityHost;
        bool delegatedSignIn = request.Method is AuthenticationMethod.InteractiveBrowser or AuthenticationMethod.DeviceCode;
        IReadOnlyList<string> tokenScopes = delegatedSignIn
            ? DelegatedScopes.Qualify(request.Scopes ?? DelegatedScopes.Default, cloud.GraphResource)
            : new[] { cloud.DefaultScope };

        // Before any sign-in: a token obtained for this connection must only ever reach the hosts it was meant for.
        TokenDestinations.RequireGraphEndpointFor(request.Method, cloud, graphEndpoint);
        TokenDestinations.RequireKnownAuthority(authorityHost);
        TokenCredential credential = CredentialFactory.Create(request, authorityHost);
        AccessTokenInfo token = await SignInAsync(credential, tokenScopes, request, cancellationToken).ConfigureAwait(false);
        CheckToken(token, cloud, request);

        // Graph's write quota is per app and tenant: each connection keeps its own count.
        var connection = new GraphConnection(credential, tokenScopes, graphEndpoint, retryPolicy ?? RetryPolicy.Default, writeQuota ?? new WriteQuotaPacer(WriteQuotaPacer.GraphQuota, WriteQuotaPacer.GraphWindow, headroom: GraphBatchClient.MaxItemsPerBatch), logsWindow);
        try
        {
            (OrganizationInfo? organization, string? warning) = await ProbeAsync(connection, cancellationToken).ConfigureAwait(false);
            CheckTenantDomain(organization, request);
            connection.Context = new ContainmentContext
            {
                TenantId = token.TenantId ?? organization?.Id,
                TenantDisplayName = organization?.DisplayName,
                TenantDefaultDomain = organization?.DefaultDomain,
                Account = token.IsDelegated ? token.UserPrincipalName : token.AppDisplayName ?? token.AppId,
                AccountId = token.ObjectId,
                AppId = token.AppId,
                AppDisplayName = token.AppDisplayName,
                AuthenticationMethod = request.Method.ToString(),
                PermissionType = token.IsDelegated ? "Delegated" : "Application",
                Scopes = token.Permissions,
                DirectoryRoles = token.DirectoryRoles,
                Environment = request.Environment.ToString(),
                GraphEndpoint = graphEndpoint.AbsoluteUri.TrimEnd('/'),
                AuthorityHost = request.Method is AuthenticationMethod.AccessToken or AuthenticationMethod.ManagedIdentity ? null : authorityHost.AbsoluteUri,
                TokenExpiresOn = token.ExpiresOn,
                ConnectedOn = DateTimeOffset.UtcNow,
                Warning = warning,
            };
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static async Task<AccessTokenInfo> SignInAsync(TokenCredential credential, IReadOnlyList<string> scopes, ConnectionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            AccessToken token = await credential.GetTokenAsync(new TokenRequestContext(scopes.ToArray()), cancellationToken).ConfigureAwait(false);
            return AccessTokenInfo.Parse(token.Token);
        }
        catch (CredentialUnavailableException ex) when (request.Method == AuthenticationMethod.ManagedIdentity)
        {
            throw new ContainmentException(
                ContainmentErrorKind.AuthenticationFailed,
                "ManagedIdentityUnavailable",
                "No managed identity answered here. In Azure Automation, turn on the account's system-assigned identity, or pass -ClientId with the client id of a user-assigned identity attached to it. "
                + $"Azure.Identity said: {SignInFailureText.Describe(ex)}",
                request.ClientId,
                ex);
        }
        catch (AuthenticationFailedException ex)
        {
            throw new ContainmentException(
                ContainmentErrorKind.AuthenticationFailed,
                "SignInFailed",
                $"{request.Method} sign-in{(request.ClientId is null ? string.Empty : $" for app {request.ClientId}")}{(request.TenantId is null ? string.Empty : $" in tenant {request.TenantId}")} failed. "
                + $"{SignInFailureText.Describe(ex)} Check the tenant id, the client id and the secret or certificate registered for the app (it may have expired).",
                request.ClientId,
                ex);
        }
    }

    private static void CheckToken(AccessTokenInfo token, CloudEndpoints cloud, ConnectionRequest request)
    {
        if (!token.Audiences.Any(cloud.IsGraphAudience))
        {
            throw new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "AccessTokenWrongAudience",
                $"The access token is for '{string.Join(", ", token.Audiences)}', not for Microsoft Graph ({cloud.GraphResource}). Ask for a Graph token, for example (Get-AzAccessToken -ResourceTypeName MSGraph).Token.");
        }

        if (token.ExpiresOn is { } expiresOn && expiresOn <= DateTimeOffset.UtcNow)
        {
            throw new ContainmentException(
                ContainmentErrorKind.AuthenticationFailed,
                "AccessTokenExpired",
                $"The access token expired at {expiresOn.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC. Get a new one and connect again.");
        }

        if (request.TenantId is { } tenant && Guid.TryParse(tenant, out Guid tenantGuid)
            && token.TenantId is { } tokenTenant && Guid.TryParse(tokenTenant, out Guid tokenGuid) && tenantGuid != tokenGuid)
        {
            throw new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "TenantMismatch",
                $"The token is for tenant {tokenTenant}, but -TenantId asks for {tenant}. Connect to the tenant the incident is in.");
        }
    }

    private static void CheckTenantDomain(OrganizationInfo? organization, ConnectionRequest request)
    {
        if (request.TenantId is not { } tenant || Guid.TryParse(tenant, out _) || organization is not { VerifiedDomains.Count: > 0 })
        {
            return;
        }

        if (!organization.VerifiedDomains.Any(d => string.Equals(d, tenant, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "TenantMismatch",
                $"-TenantId '{tenant}' is not a verified domain of the tenant the token is for ({organization.DisplayName}, {organization.Id}).");
        }
    }

    /// <summary>One cheap read proves Graph accepts the token. A 403 still proves that; the context then says what is missing.</summary>
    private static async Task<(OrganizationInfo?, string?)> ProbeAsync(GraphConnection connection, CancellationToken cancellationToken)
    {
        GraphCallAnswer answer;
        try
        {
            answer = await connection.SendJsonAsync(HttpMethod.Get, "/organization?$select=" + OrganizationInfo.Select, null, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ContainmentException(
                ContainmentErrorKind.ConnectionFailed,
                "GraphUnreachable",
                $"Could not reach Microsoft Graph at {connection.GraphEndpoint}: {ex.Message} Check -GraphEndpoint, the network and any proxy.",
                connection.GraphEndpoint.AbsoluteUri,
                ex);
        }

        if (answer.Status == 403)
        {
            return (null, $"Signed in, but the connection may not read the organization ({GraphOperation.ReadOrganization.Permission}); tenant details are missing. Each cmdlet's error names the permission it needs.");
        }

        if (!answer.IsSuccess)
        {
            throw GraphErrorTranslator.Translate(answer.Error, GraphOperation.ReadOrganization, connection.GraphEndpoint.AbsoluteUri);
        }

        return (OrganizationInfo.From(answer.Body), null);
    }
}
