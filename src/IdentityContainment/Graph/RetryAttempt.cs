namespace IdentityContainment.Graph;

/// <summary>Carries the attempt number on a request, so the log can tell a retry from a first try.</summary>
internal static class RetryAttempt
{
    private const string Key = "IdentityContainment.Attempt";

    public static int Of(HttpRequestMessage request)
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<int>(Key), out int attempt) ? attempt : 1;
#else
        return request.Properties.TryGetValue(Key, out object? attempt) && attempt is int value ? value : 1;
#endif
    }

    public static void Set(HttpRequestMessage request, int attempt)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(new HttpRequestOptionsKey<int>(Key), attempt);
#else
        request.Properties[Key] = attempt;
#endif
    }
}
