using System.Collections.Concurrent;

namespace IdentityContainment.SignIns;

/// <summary>
/// One copy of each text that repeats across the sign-ins one read holds: a user's log repeats their user principal
/// name, user agent, apps, places and devices on every entry, and a tenant-wide read holds many users' logs at once
/// (100 users x 1,400 sign-ins in the sign-in benchmark). Owned by the read, so it ends with it; safe across the time
/// slices read at once.
/// </summary>
public sealed class SharedTexts
{
    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>The first copy seen of <paramref name="text"/>; null stays null.</summary>
    public string? Share(string? text) => text is null ? null : _texts.GetOrAdd(text, text);
}
