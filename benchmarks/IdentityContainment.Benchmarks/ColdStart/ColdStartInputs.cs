namespace IdentityContainment.Benchmarks.ColdStart;

/// <summary>What every measured process needs: the module, the tenant, the user to read and the token to read it with.</summary>
internal sealed class ColdStartInputs
{
    // Environment variable names the children read. The token travels only this way: a command line is public.
    public const string AccessTokenVariable = "IC_BENCH_ACCESS_TOKEN";
    public const string ManifestVariable = "IC_BENCH_MANIFEST";
    public const string GraphEndpointVariable = "IC_BENCH_GRAPH_ENDPOINT";
    public const string UserIdVariable = "IC_BENCH_USER_ID";

    public required string ManifestPath { get; init; }

    public required Uri GraphEndpoint { get; init; }

    public required string UserId { get; init; }

    public required string AccessToken { get; init; }

    /// <summary>Everything as environment variables, token included.</summary>
    public IReadOnlyDictionary<string, string> ToEnvironment() => new Dictionary<string, string>
    {
        [AccessTokenVariable] = AccessToken,
        [ManifestVariable] = ManifestPath,
        [GraphEndpointVariable] = GraphEndpoint.AbsoluteUri,
        [UserIdVariable] = UserId,
    };

    /// <summary>A child's output with the token blanked out, safe to print when the child failed.</summary>
    public string Redact(string text) => text.Replace(AccessToken, "<access token>", StringComparison.Ordinal);

    // Never the token, whoever formats this object.
    public override string ToString() => $"{ManifestPath} against {GraphEndpoint} reading {UserId}";
}
