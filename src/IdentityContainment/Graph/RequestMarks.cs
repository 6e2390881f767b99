namespace IdentityContainment.Graph;

/// <summary>
/// Values the pipeline's handlers leave on a request for each other (attempt number, repeatable). One place for the
/// difference between .NET's Options and .NET Framework's Properties.
/// </summary>
internal static class RequestMarks
{
    public static T Get<T>(HttpRequestMessage request, string key, T fallback)
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<T>(key), out T? value) ? value : fallback;
#else
        return request.Properties.TryGetValue(key, out object? value) && value is T typed ? typed : fallback;
#endif
    }

    public static void Set<T>(HttpRequestMessage request, string key, T value)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(new HttpRequestOptionsKey<T>(key), value);
#else
        request.Properties[key] = value;
#endif
    }

    /// <summary>Carries every mark over to a copy of the request (a retry).</summary>
    public static void CopyAll(HttpRequestMessage from, HttpRequestMessage to)
    {
#if NET5_0_OR_GREATER
        foreach (KeyValuePair<string, object?> option in from.Options)
        {
            ((IDictionary<string, object?>)to.Options)[option.Key] = option.Value;
        }
#else
        foreach (KeyValuePair<string, object> property in from.Properties)
        {
            to.Properties[property.Key] = property.Value;
        }
#endif
    }
}
