using IdentityContainment.Graph.Budgets;

namespace IdentityContainment.Engine.Tests;

/// <summary>Each path to the service limit Graph counts it against (CONTRACT §13), near-misses beside the real thing.</summary>
public sealed class RequestClassifierTests
{
    private const string Id = "bc67ba94-637d-4efa-a09e-467ada679f81";

    [Theory]
    // Identity and access: directory objects, writes and reads apart.
    [InlineData("POST", "/users/" + Id + "/revokeSignInSessions", RequestClass.IdentityWrite, null)]
    [InlineData("PATCH", "/users/adelev@contoso.com", RequestClass.IdentityWrite, null)]
    [InlineData("PATCH", "/devices/" + Id, RequestClass.IdentityWrite, null)]
    [InlineData("DELETE", "/oauth2PermissionGrants/abc", RequestClass.IdentityWrite, null)]
    [InlineData("DELETE", "/users/" + Id + "/appRoleAssignments/xyz", RequestClass.IdentityWrite, null)]
    [InlineData("DELETE", "/servicePrincipals/" + Id + "/appRoleAssignedTo/xyz", RequestClass.IdentityWrite, null)]
    [InlineData("GET", "/users/" + Id + "?$select=id,accountEnabled", RequestClass.IdentityRead, null)]
    [InlineData("GET", "/users?$filter=id in ('a','b')", RequestClass.IdentityRead, null)]
    [InlineData("GET", "/users/" + Id + "/registeredDevices/microsoft.graph.device", RequestClass.IdentityRead, null)]
    [InlineData("GET", "/users/" + Id + "/oauth2PermissionGrants", RequestClass.IdentityRead, null)]
    [InlineData("GET", "/users('%24weird')", RequestClass.IdentityRead, null)]
    [InlineData("GET", "/organization", RequestClass.IdentityRead, null)]
    [InlineData("GET", "/me", RequestClass.IdentityRead, null)]
    // Identity Protection and Conditional Access: 1 request per second, writes included.
    [InlineData("POST", "/identityProtection/riskyUsers/confirmCompromised", RequestClass.IdentityProtection, null)]
    [InlineData("GET", "/identityProtection/riskyUsers/" + Id, RequestClass.IdentityProtection, null)]
    [InlineData("GET", "/identityProtection/riskDetections?$filter=userId eq 'x'", RequestClass.IdentityProtection, null)]
    [InlineData("GET", "/identity/conditionalAccess/policies", RequestClass.IdentityProtection, null)]
    [InlineData("GET", "/identity/conditionalAccess/namedLocations", RequestClass.IdentityProtection, null)]
    // Sign-in and audit logs.
    [InlineData("GET", "/auditLogs/signIns?$filter=userId eq '" + Id + "'", RequestClass.AuditLogs, null)]
    [InlineData("GET", "/auditLogs/directoryAudits?$top=50", RequestClass.AuditLogs, null)]
    // Authentication methods are an identity and access reports resource (throttling-aad-reports), writes included.
    [InlineData("GET", "/users/" + Id + "/authentication/methods", RequestClass.AuditLogs, null)]
    [InlineData("GET", "/users/adelev@contoso.com/authentication/phoneMethods/3179e48a-750b-4051-897c-87b9720928f7", RequestClass.AuditLogs, null)]
    [InlineData("DELETE", "/users/" + Id + "/authentication/microsoftAuthenticatorMethods/m1", RequestClass.AuditLogs, null)]
    [InlineData("POST", "/users/" + Id + "/authentication/methods/28c10230/resetPassword", RequestClass.AuditLogs, null)]
    [InlineData("GET", "/me/authentication/methods", RequestClass.AuditLogs, null)]
    // Outlook, keyed by the mailbox's user segment, ignoring case; its writes are not directory writes.
    [InlineData("GET", "/users/" + Id + "/mailFolders/inbox/messageRules", RequestClass.Outlook, Id)]
    [InlineData("DELETE", "/users/AdeleV@contoso.com/mailFolders/inbox/messageRules/AQAAAJ5dZqA=", RequestClass.Outlook, "adelev@contoso.com")]
    [InlineData("GET", "/users/adelev@contoso.com/mailboxSettings", RequestClass.Outlook, "adelev@contoso.com")]
    [InlineData("PATCH", "/users/adelev@contoso.com/mailboxSettings", RequestClass.Outlook, "adelev@contoso.com")]
    [InlineData("GET", "/users/" + Id + "/messages?$top=10", RequestClass.Outlook, Id)]
    [InlineData("GET", "/v1.0/users/" + Id + "/messages", RequestClass.Outlook, Id)]
    [InlineData("GET", "/me/mailFolders/inbox/messageRules", RequestClass.Outlook, "me")]
    [InlineData("GET", "users/" + Id + "/events", RequestClass.Outlook, Id)]
    // Near-misses: lookalikes that are not Outlook's, and the envelope.
    [InlineData("GET", "/users/" + Id + "/messageRules", RequestClass.IdentityRead, null)]
    [InlineData("DELETE", "/users/" + Id + "/messageRules/1", RequestClass.IdentityWrite, null)]
    [InlineData("GET", "/users/messages", RequestClass.IdentityRead, null)]
    [InlineData("GET", "/users/authentication", RequestClass.IdentityRead, null)]
    [InlineData("GET", "/users/" + Id + "/authenticationX/methods", RequestClass.IdentityRead, null)]
    [InlineData("GET", "/users/" + Id + "/mailFoldersX", RequestClass.IdentityRead, null)]
    [InlineData("GET", "/users?$filter=startswith(displayName,'mailFolders')", RequestClass.IdentityRead, null)]
    [InlineData("GET", "/riskyUsers", RequestClass.Other, null)]
    [InlineData("GET", "/identity/b2cUserFlows", RequestClass.Other, null)]
    [InlineData("GET", "/reports/auditLogs", RequestClass.Other, null)]
    [InlineData("POST", "/$batch", RequestClass.BatchEnvelope, null)]
    [InlineData("GET", "/$batch/users", RequestClass.Other, null)]
    [InlineData("GET", "/sites/root", RequestClass.Other, null)]
    [InlineData("GET", "/", RequestClass.Other, null)]
    public void Each_path_counts_against_its_service_limit(string method, string path, RequestClass expected, string? mailbox)
    {
        ClassifiedRequest classified = RequestClassifier.Classify(method, path);

        Assert.Equal(expected, classified.Class);
        Assert.Equal(mailbox, classified.Mailbox);
    }
}
