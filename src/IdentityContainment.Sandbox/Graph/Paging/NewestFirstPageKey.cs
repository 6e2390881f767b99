using System.Globalization;

namespace IdentityContainment.Sandbox;

/// <summary>
/// The paging key of a log served newest first (audit logs): paging needs keys that grow along the served order under
/// ordinal comparison, so the key leads with the time counted back from the latest representable instant, then the id
/// for events at the same tick.
/// </summary>
internal static class NewestFirstPageKey
{
    public static string Of(DateTimeOffset time, string id) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + id;
}
