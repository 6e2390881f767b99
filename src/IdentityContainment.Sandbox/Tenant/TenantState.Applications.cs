using System.Security.Cryptography.X509Certificates;

namespace IdentityContainment.Sandbox;

public sealed partial class TenantState
{
    private readonly KeyedTable<ServicePrincipalRecord> _servicePrincipals;
    private readonly KeyedTable<PermissionGrantRecord> _grants;
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
        lock (_gate) _grants.Add(grant);
    }

    public bool RemovePermissionGrant(string id)
    {
        lock (_gate) return _grants.Remove(id);
    }

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
