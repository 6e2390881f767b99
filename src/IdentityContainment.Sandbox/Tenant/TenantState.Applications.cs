using System.Security.Cryptography.X509Certificates;

namespace IdentityContainment.Sandbox;

public sealed partial class TenantState
{
    private readonly KeyedTable<ServicePrincipalRecord> _servicePrincipals;
    private readonly KeyedTable<PermissionGrantRecord> _grants;

    // Grant ids in ordinal order, so a page of grants resumes after the last id it served (the skip token).
    private readonly List<string> _sortedGrantIds = [];
    private readonly KeyedTable<AppRoleAssignmentRecord> _appRoleAssignments;

    public IReadOnlyList<ServicePrincipalRecord> ServicePrincipals
    {
        get { lock (_gate) return _servicePrincipals.ToArray(); }
    }

    public ServicePrincipalRecord? FindServicePrincipal(string id)
    {
        lock (_gate) return _servicePrincipals.Find(id);
    }

    public ServicePrincipalRecord? FindServicePrincipalByAppId(string appId)
    {
        lock (_gate)
            return _servicePrincipals.Where(sp => string.Equals(sp.AppId, appId, StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
    }

    public void AddServicePrincipal(ServicePrincipalRecord servicePrincipal)
    {
        lock (_gate) _servicePrincipals.Add(servicePrincipal);
    }

    public ServicePrincipalRecord? UpdateServicePrincipal(string id, Func<ServicePrincipalRecord, ServicePrincipalRecord> change)
    {
        lock (_gate) return _servicePrincipals.Update(id, change);
    }

    /// <summary>oAuth2PermissionGrants, in the order they were added.</summary>
    public IReadOnlyList<PermissionGrantRecord> PermissionGrants
    {
        get { lock (_gate) return _grants.ToArray(); }
    }

    public PermissionGrantRecord? FindPermissionGrant(string id)
    {
        lock (_gate) return _grants.Find(id);
    }

    public void AddPermissionGrant(PermissionGrantRecord grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        lock (_gate)
        {
            _grants.Add(grant);
            var at = _sortedGrantIds.BinarySearch(grant.Id, StringComparer.Ordinal);
            _sortedGrantIds.Insert(~at, grant.Id);
        }
    }

    /// <summary>
    /// Adds a grant unless one already covers the same client, resource and principal (Graph keeps one grant per
    /// client, resource, consent type and user); returns false then.
    /// </summary>
    public bool TryAddPermissionGrant(PermissionGrantRecord grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        lock (_gate)
        {
            if (_grants.Find(grant.Id) is not null || _grants.Where(g => SameConsent(g, grant)).Length > 0)
                return false;
            AddPermissionGrant(grant);
            return true;
        }
    }

    /// <summary>
    /// What a client service principal holds: delegated grants (clientId) and application permissions (app role
    /// assignments whose principal it is). Counted in place: the ground truth asks this of tenants with 100,000 grants.
    /// </summary>
    public (int DelegatedGrants, int ApplicationPermissions) ConsentHeldBy(string clientServicePrincipalId)
    {
        lock (_gate)
            return (_grants.Count(g => string.Equals(g.ClientId, clientServicePrincipalId, StringComparison.OrdinalIgnoreCase)),
                _appRoleAssignments.Count(a => string.Equals(a.PrincipalId, clientServicePrincipalId, StringComparison.OrdinalIgnoreCase)));
    }

    public bool RemovePermissionGrant(string id)
    {
        lock (_gate)
        {
            var grant = _grants.Find(id);
            if (grant is null)
                return false;
            _grants.Remove(grant.Id);
            _sortedGrantIds.RemoveAt(_sortedGrantIds.BinarySearch(grant.Id, StringComparer.Ordinal));
            return true;
        }
    }

    /// <summary>
    /// Walks grants in ordinal id order after <paramref name="afterId"/>, returning up to <paramref name="take"/> that
    /// match, and whether more matches follow: a large tenant's grant list pages without sorting it per page.
    /// </summary>
    internal (IReadOnlyList<PermissionGrantRecord> Page, bool HasMore) PagePermissionGrants(Func<PermissionGrantRecord, bool> match, string? afterId, int take)
    {
        lock (_gate)
            return SortedIdPages.Take(_sortedGrantIds, StringComparer.Ordinal, id => _grants.Find(id)!, match, afterId, take);
    }

    private static bool SameConsent(PermissionGrantRecord a, PermissionGrantRecord b) =>
        string.Equals(a.ClientId, b.ClientId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.ResourceId, b.ResourceId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.ConsentType, b.ConsentType, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.PrincipalId, b.PrincipalId, StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<AppRoleAssignmentRecord> AppRoleAssignments
    {
        get { lock (_gate) return _appRoleAssignments.ToArray(); }
    }

    public AppRoleAssignmentRecord? FindAppRoleAssignment(string id)
    {
        lock (_gate) return _appRoleAssignments.Find(id);
    }

    public void AddAppRoleAssignment(AppRoleAssignmentRecord assignment)
    {
        lock (_gate) _appRoleAssignments.Add(assignment);
    }

    /// <summary>Adds an assignment unless the principal already holds that app role on that resource; returns false then.</summary>
    public bool TryAddAppRoleAssignment(AppRoleAssignmentRecord assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        lock (_gate)
        {
            var duplicate = _appRoleAssignments.Where(a =>
                string.Equals(a.PrincipalId, assignment.PrincipalId, StringComparison.OrdinalIgnoreCase)
                && string.Equals(a.ResourceId, assignment.ResourceId, StringComparison.OrdinalIgnoreCase)
                && string.Equals(a.AppRoleId, assignment.AppRoleId, StringComparison.OrdinalIgnoreCase)).Length > 0;
            if (duplicate || _appRoleAssignments.Find(assignment.Id) is not null)
                return false;
            _appRoleAssignments.Add(assignment);
            return true;
        }
    }

    public bool RemoveAppRoleAssignment(string id)
    {
        lock (_gate) return _appRoleAssignments.Remove(id);
    }

    public OperatorApplication? FindOperatorApplication(string appId) =>
        Operators.Applications.FirstOrDefault(a => string.Equals(a.AppId, appId, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Registers a certificate credential for an operator app, as uploading a public certificate to
    /// the app registration would; the token endpoint then accepts client assertions it signs.
    /// </summary>
    public void AddApplicationCertificate(string appId, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (FindOperatorApplication(appId) is null)
            throw new ArgumentException($"No operator application has appId '{appId}'.", nameof(appId));
        // Keep only the public part: the sandbox never needs, and should never hold, the private key.
        var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        lock (_gate)
        {
            if (!_applicationCertificates.TryGetValue(appId, out var list))
                _applicationCertificates[appId] = list = [];
            list.Add(publicOnly);
        }
    }

    public IReadOnlyList<X509Certificate2> ApplicationCertificates(string appId)
    {
        lock (_gate)
            return _applicationCertificates.TryGetValue(appId, out var list) ? list.ToArray() : [];
    }
}
