namespace IdentityContainment.Graph;

/// <summary>Carries the attempt number on a request, so the log can tell a retry from a first try.</summary>
internal static class RetryAttempt
{
    private const string Key = "IdentityContainment.Attempt";

    public static int Of(HttpRequestMessage request) => RequestMarks.Get(request, Key, 1);

    public static void Set(HttpRequestMessage request, int attempt) => RequestMarks.Set(request, Key, attempt);
}
