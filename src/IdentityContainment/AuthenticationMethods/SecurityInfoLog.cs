using System.Text.Json.Nodes;
using IdentityContainment.Audit;
using IdentityContainment.Connection;
using IdentityContainment.Detection.AuthenticationMethods;
using IdentityContainment.Pipeline;
using static IdentityContainment.Graph.GraphJson;

namespace IdentityContainment.AuthenticationMethods;

/// <summary>
/// The security info registered since the compromise began, read once per run from the directory audit log: the
/// registration time of record for the methods Graph lists without a createdDateTime. An entry's first target is the
/// user whose methods changed (the initiator is an admin in "Admin registered security info"); its resultReason names
/// the method (<see cref="SecurityInfoWording"/>). Without AuditLog.Read.All the hunt goes on without it, and says so once.
/// </summary>
public static class SecurityInfoLog
{
    /// <summary>A user adding a method in Security info, and an admin adding one for a user (Entra audit activities, category UserManagement, service Authentication Methods).</summary>
    public static readonly IReadOnlyList<string> Activities = new[] { "User registered security info", "Admin registered security info" };

    private static readonly DirectoryAuditPurpose Purpose = new(
        "security info registrations",
        "are not there: a phone or Authenticator registered then, which Graph lists without a date, is judged without its registration time",
        "Security info registration times are missing",
        "Methods Graph lists without a date (phones, an Authenticator not set up for passwordless sign-in) are judged without them.");

    /// <summary>Every successful registration since <paramref name="since"/>, for <see cref="MethodReviewCriteria.Registrations"/>.</summary>
    public static async Task<IReadOnlyList<SecurityInfoRegistration>> ReadAsync<T>(GraphConnection connection, DateTimeOffset since, IResultSink<T> results, CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonNode> entries = await DirectoryAuditLog.ReadAsync(connection, Activities, since, Purpose, results, cancellationToken).ConfigureAwait(false);
        return entries.Select(Read).OfType<SecurityInfoRegistration>().ToArray();
    }

    /// <summary>The entry's registration, or null when it failed or names no user or time.</summary>
    public static SecurityInfoRegistration? Read(JsonNode entry)
    {
        JsonObject? user = Objects(entry, "targetResources").FirstOrDefault();
        if (Time(entry, "activityDateTime") is not { } at || Text(user, "id") is not { Length: > 0 } userId
            || !string.Equals(Text(entry, "result"), "success", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string wording = Text(entry, "resultReason") ?? string.Empty;
        (AuthenticationMethodType? kind, string? phoneType) = SecurityInfoWording.KindOf(wording);
        return new SecurityInfoRegistration(userId, at, kind, phoneType, wording);
    }
}
