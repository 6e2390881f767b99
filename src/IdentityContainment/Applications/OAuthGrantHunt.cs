using IdentityContainment.Connection;
using IdentityContainment.Detection;
using IdentityContainment.Detection.OAuth;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Applications;

/// <summary>
/// Finds the consents that let an app reach a user's data without the user's password: the user's own delegated
/// grants, the tenant-wide (AllPrincipals) grants that cover everyone, and the apps the user is assigned to; or, with
/// <see cref="HuntTenantAsync"/>, every delegated grant and every application permission on Microsoft Graph, Exchange
/// Online and SharePoint. Each app is read once per run, the audit log once, and findings are written as they are
/// judged. One hunt serves one run of the cmdlet, across all its batches.
/// </summary>
public sealed class OAuthGrantHunt
{
    private readonly GraphConnection _connection;
    private readonly OAuthHuntOptions _options;
    private readonly ServicePrincipalDirectory _apps;
    private readonly ConsenterCounts _consenters;
    private readonly object _once = new();
    private Task<ConsentLog>? _consents;
    private Task<IReadOnlyList<DelegatedGrant>?>? _tenantWide;

    public OAuthGrantHunt(GraphConnection connection, OAuthHuntOptions options)
    {
        _connection = connection;
        _options = options;
        _apps = new ServicePrincipalDirectory(connection.Batch);
        _consenters = new ConsenterCounts(connection.Batch);
    }

    /// <summary>Service principals read so far: each once, however many grants name it.</summary>
    public int AppsRead => _apps.Read;

    /// <summary>The grants of a batch of users (already read, so their names are known).</summary>
    public async Task HuntUsersAsync(IReadOnlyList<ContainmentUser> users, IResultSink<OAuthGrantFinding> results, CancellationToken cancellationToken)
    {
        if (users.Count == 0)
        {
            return;
        }

        var lists = users.SelectMany(user => new[]
        {
            new ListRead<(ContainmentUser User, bool Assignments)>((user, false), ListRequest.For($"/users/{user.Id}/oauth2PermissionGrants", GrantJson.GrantSelect).Url),
            new ListRead<(ContainmentUser User, bool Assignments)>((user, true), ListRequest.For($"/users/{user.Id}/appRoleAssignments").Url),
        }).ToArray();
        var grants = new List<DelegatedGrant>();
        var assignments = new List<AppRoleGrant>();
        foreach (WholeList<(ContainmentUser User, bool Assignments)> list in await _connection.Batch.ReadWholeListsAsync(lists, cancellationToken).ConfigureAwait(false))
        {
            string who = list.List.User.UserPrincipalName ?? list.List.User.Id;
            if (!list.IsComplete)
            {
                // A partial list could hide the attacker's grant: report the user, judge nothing of theirs as complete.
                results.Failed(GraphErrorTranslator.Translate(list.Outcome, list.List.Assignments ? GraphOperation.ListAppAssignments : GraphOperation.ListGrants, who));
                continue;
            }

            if (list.List.Assignments)
            {
                // A user's list also holds the roles of groups the user is a direct member of (CONTRACT §5): removing
                // one of those would take the app from the whole group, so only the user's own are judged here.
                assignments.AddRange(list.Items.Select(GrantJson.Assignment).OfType<AppRoleGrant>()
                    .Where(a => string.Equals(a.PrincipalType, "User", StringComparison.OrdinalIgnoreCase)));
            }
            else
            {
                grants.AddRange(list.Items.Select(GrantJson.Grant).OfType<DelegatedGrant>());
            }
        }

        // The tenant-wide grants cover these users too; each is reported once per run, with the first batch.
        if (await TenantWideGrantsOnceAsync(results, cancellationToken).ConfigureAwait(false) is { } tenantWide)
        {
            grants.AddRange(tenantWide);
        }

        // A user's consent also gives the user default access to the app (an all-zero role, CONTRACT §10): that echo of
        // a grant judged here would only repeat its finding.
        var consented = new HashSet<(string, string?)>(grants.Select(g => (g.ClientId.ToLowerInvariant(), g.PrincipalId?.ToLowerInvariant())));
        assignments.RemoveAll(a => a.IsDefaultAccess && consented.Contains((a.ResourceId.ToLowerInvariant(), a.PrincipalId.ToLowerInvariant())));

        var names = users.ToDictionary(u => u.Id, u => u, StringComparer.OrdinalIgnoreCase);
        await JudgeAsync(grants, assignments, id => names.TryGetValue(id, out ContainmentUser? user) ? user : null, results, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every delegated grant in the tenant, page by page, then the application permissions on the data APIs.</summary>
    public async Task HuntTenantAsync(IResultSink<OAuthGrantFinding> results, Action<int>? grantsRead, CancellationToken cancellationToken)
    {
        // The whole list passes through here, so it counts each app's consenting users itself instead of asking Graph
        // per app. An app's grants are judged as soon as it has more consenters than the rule cares about; the grants
        // of the few apps that never do wait for the end of the list, where their exact count is known.
        var tally = new ConsenterTally();
        int read = 0;
        await foreach (ListPage<ListRequest> page in _connection.ReadListAsync(ListRequest.For("/oauth2PermissionGrants", GrantJson.GrantSelect), cancellationToken).ConfigureAwait(false))
        {
            IReadOnlyList<DelegatedGrant> settled = tally.Add(page.Items.Select(GrantJson.Grant).OfType<DelegatedGrant>());
            await JudgeAsync(settled, Array.Empty<AppRoleGrant>(), _ => null, results, cancellationToken, tally.Counts).ConfigureAwait(false);
            read += page.Items.Count;
            grantsRead?.Invoke(read);
            if (page.Outcome is { IsComplete: false } failed)
            {
                results.Failed(GraphErrorTranslator.Translate(failed, GraphOperation.ListGrants, $"the tenant (after {read} grants)"));
            }
        }

        await JudgeAsync(tally.Rest(), Array.Empty<AppRoleGrant>(), _ => null, results, cancellationToken, tally.Counts).ConfigureAwait(false);
        await HuntApplicationPermissionsAsync(results, cancellationToken).ConfigureAwait(false);
    }

    private async Task HuntApplicationPermissionsAsync(IResultSink<OAuthGrantFinding> results, CancellationToken cancellationToken)
    {
        // The data APIs by their well-known app ids, then who holds roles on them.
        GraphBatchItem[] resources = GraphBatchItem.InOrder(WellKnownApps.DataResources.Select(appId => new GraphBatchItem("GET", $"/servicePrincipals(appId='{appId}')?$select=id")));
        IReadOnlyList<GraphBatchResult> found = await _connection.Batch.SendAsync(resources, cancellationToken).ConfigureAwait(false);
        foreach ((GraphBatchResult answer, string appId) in found.Zip(WellKnownApps.DataResources, (a, id) => (a, id)).Where(r => !r.a.IsSuccess && r.a.Status != 404))
        {
            // Without the API, the application permissions on it go unhunted: say so rather than report a clean tenant.
            results.Failed(GraphErrorTranslator.Translate(answer.Error, GraphOperation.ListAppPermissions, appId));
        }

        string[] resourceIds = found.Where(r => r.IsSuccess).Select(r => GraphJson.Text(r.Body, "id")).OfType<string>().ToArray();
        ListRead<string>[] lists = resourceIds.Select(id => new ListRead<string>(id, ListRequest.For($"/servicePrincipals/{id}/appRoleAssignedTo").Url)).ToArray();
        foreach (WholeList<string> list in await _connection.Batch.ReadWholeListsAsync(lists, cancellationToken).ConfigureAwait(false))
        {
            if (!list.IsComplete)
            {
                results.Failed(GraphErrorTranslator.Translate(list.Outcome, GraphOperation.ListAppPermissions, list.List));
                continue;
            }

            AppRoleGrant[] toApps = list.Items.Select(GrantJson.Assignment).OfType<AppRoleGrant>()
                .Where(a => string.Equals(a.PrincipalType, "ServicePrincipal", StringComparison.OrdinalIgnoreCase)).ToArray();
            await JudgeAsync(Array.Empty<DelegatedGrant>(), toApps, _ => null, results, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task JudgeAsync(
        IReadOnlyList<DelegatedGrant> grants,
        IReadOnlyList<AppRoleGrant> assignments,
        Func<string, ContainmentUser?> userOf,
        IResultSink<OAuthGrantFinding> results,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, int>? knownConsenters = null)
    {
        if (grants.Count == 0 && assignments.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, ServicePrincipalLookup> apps = await _apps.LookUpAsync(
            grants.SelectMany(g => new[] { g.ClientId, g.ResourceId }).Concat(assignments.SelectMany(a => new[] { a.PrincipalId, a.ResourceId })),
            cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, int?> consenters = knownConsenters is not null
            ? grants.Select(g => g.ClientId).Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(id => id, id => knownConsenters.TryGetValue(id, out int n) ? (int?)n : null, StringComparer.OrdinalIgnoreCase)
            : await _consenters.CountAsync(
                grants.Where(g => g.ConsentType == "Principal" && apps[g.ClientId].ServicePrincipal?.IsMicrosoftFirstParty != true).Select(g => g.ClientId),
                cancellationToken).ConfigureAwait(false);
        ConsentLog consents = await ConsentsOnceAsync(results, cancellationToken).ConfigureAwait(false);

        foreach (DelegatedGrant grant in grants)
        {
            if (App(apps, grant.ClientId, results) is not { } client || App(apps, grant.ResourceId, results) is not { } resource)
            {
                continue;
            }

            ContainmentUser? principal = grant.PrincipalId is { } id ? userOf(id) : null;
            ConsentRecord? consent = grant.PrincipalId is { } consenter ? consents.ForUser(grant.ClientId, consenter) : consents.ForEveryone(grant.ClientId);
            var facts = new OAuthGrantFacts
            {
                Kind = GrantKind.Delegated,
                ConsentType = grant.ConsentType,
                Client = client,
                Resource = resource,
                Permissions = grant.Scopes,
                HomeTenantId = _connection.Context.TenantId,
                ConsentedAt = consent?.At,
                IncidentStart = _options.Since,
                ConsentingUsers = consenters.TryGetValue(grant.ClientId, out int? count) ? count : null,
                PrincipalNames = principal is null ? Array.Empty<string>() : new[] { principal.UserPrincipalName, principal.DisplayName }.OfType<string>().ToArray(),
            };
            Report(facts, grant.Id, null, grant.ResourceId, grant.PrincipalId, principal?.UserPrincipalName, consent, results);
        }

        foreach (AppRoleGrant assignment in assignments)
        {
            bool toUser = !string.Equals(assignment.PrincipalType, "ServicePrincipal", StringComparison.OrdinalIgnoreCase);

            // An app's own permission names the API's role; a user's assignment is to the app itself, whose roles it names.
            if (App(apps, assignment.ResourceId, results) is not { } resource || App(apps, toUser ? assignment.ResourceId : assignment.PrincipalId, results) is not { } client)
            {
                continue;
            }

            string role = resource.AppRoles.TryGetValue(assignment.AppRoleId, out string? value) ? value : assignment.IsDefaultAccess ? "default access" : assignment.AppRoleId;
            ContainmentUser? user = toUser ? userOf(assignment.PrincipalId) : null;
            ConsentRecord? consent = toUser ? consents.ForUser(client.Id, assignment.PrincipalId) : consents.ForApplicationPermission(client.Id);
            var facts = new OAuthGrantFacts
            {
                Kind = toUser ? GrantKind.Assignment : GrantKind.Application,
                Client = client,
                Resource = resource,
                Permissions = new[] { role },
                HomeTenantId = _connection.Context.TenantId,
                ConsentedAt = consent?.At ?? assignment.CreatedDateTime,
                IncidentStart = _options.Since,
                PrincipalNames = user is null ? Array.Empty<string>() : new[] { user.UserPrincipalName, user.DisplayName }.OfType<string>().ToArray(),
            };
            Report(facts, assignment.Id, assignment.AppRoleId, assignment.ResourceId, toUser ? assignment.PrincipalId : null, user?.UserPrincipalName, consent, results);
        }
    }

    private void Report(OAuthGrantFacts facts, string grantId, string? appRoleId, string resourceId, string? principalId, string? principalName, ConsentRecord? consent, IResultSink<OAuthGrantFinding> results)
    {
        Assessment assessment = OAuthGrantRules.Table.Assess(facts);
        if (OAuthFindingDecision.IsReported(facts, assessment, _options))
        {
            results.Succeeded(OAuthFindingDecision.Finding(facts, assessment, grantId, appRoleId, resourceId, principalId, principalName, consent));
        }
    }

    /// <summary>
    /// The app (a client or an API), or null after reporting why it could not be read: a grant whose API is unknown
    /// cannot be judged, and is reported rather than passed as clean. A service principal that is gone (404) has nothing
    /// left to remove and is passed over quietly.
    /// </summary>
    private static ServicePrincipalFacts? App(IReadOnlyDictionary<string, ServicePrincipalLookup> apps, string id, IResultSink<OAuthGrantFinding> results)
    {
        ServicePrincipalLookup lookup = apps[id];
        if (lookup.ServicePrincipal is null && lookup.Error is { Status: not 404 } error)
        {
            results.Failed(GraphErrorTranslator.Translate(error, GraphOperation.ReadServicePrincipal, id));
        }

        return lookup.ServicePrincipal;
    }

    private Task<ConsentLog> ConsentsOnceAsync(IResultSink<OAuthGrantFinding> results, CancellationToken cancellationToken)
    {
        lock (_once)
        {
            return _consents ??= _options.Since is { } since
                ? ConsentLog.ReadAsync(_connection, since, results, cancellationToken)
                : Task.FromResult(ConsentLog.Empty);
        }
    }

    /// <summary>The AllPrincipals grants for the first caller of the run; null for every later one.</summary>
    private async Task<IReadOnlyList<DelegatedGrant>?> TenantWideGrantsOnceAsync(IResultSink<OAuthGrantFinding> results, CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<DelegatedGrant>?> mine;
        lock (_once)
        {
            if (_tenantWide is not null)
            {
                return null;
            }

            _tenantWide = mine = ReadTenantWideAsync(results, cancellationToken);
        }

        return await mine.ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<DelegatedGrant>?> ReadTenantWideAsync(IResultSink<OAuthGrantFinding> results, CancellationToken cancellationToken)
    {
        var grants = new List<DelegatedGrant>();
        ListRequest request = ListRequest.For("/oauth2PermissionGrants?$filter=" + Uri.EscapeDataString("consentType eq 'AllPrincipals'"), GrantJson.GrantSelect);
        await foreach (ListPage<ListRequest> page in _connection.ReadListAsync(request, cancellationToken).ConfigureAwait(false))
        {
            grants.AddRange(page.Items.Select(GrantJson.Grant).OfType<DelegatedGrant>());
            if (page.Outcome is { IsComplete: false } failed)
            {
                results.Failed(GraphErrorTranslator.Translate(failed, GraphOperation.ListGrants, "the tenant-wide (AllPrincipals) grants"));
            }
        }

        return grants;
    }
}
