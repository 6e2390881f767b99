namespace IdentityContainment.Sandbox;

/// <summary>
/// One request the sandbox served. Deliberately without bodies, headers, tokens or secrets: only
/// what a test needs to count and order calls (and the one header that shapes a query's meaning, ConsistencyLevel).
/// </summary>
public sealed record RequestLogEntry
{
    public required DateTimeOffset Timestamp { get; init; }
    public required RequestKind Kind { get; init; }
    public required string Method { get; init; }

    /// <summary>Graph requests: the path below the version plus the query, e.g. "/users/{id}?$select=id". Others: the HTTP path.</summary>
    public required string Path { get; init; }
    public required int Status { get; init; }

    /// <summary>The calling app (appid claim, or the client_id asking for a token); null when unknown.</summary>
    public string? AppId { get; init; }
    public bool IsWrite { get; init; }

    /// <summary>
    /// The request's ConsistencyLevel header (advanced queries), or null. Graph's @odata.nextLink does not carry it, so
    /// a client must send it again with every page (paging docs); this shows whether it did. Never a secret.
    /// </summary>
    public string? ConsistencyLevel { get; init; }

    /// <summary>The request-id of the $batch this request came in, or null.</summary>
    public string? BatchId { get; init; }

    /// <summary>The item id inside that $batch.</summary>
    public string? BatchItemId { get; init; }
    public required string RequestId { get; init; }
    public string? ClientRequestId { get; init; }
    public RequestOutcome Outcome { get; init; }
    public TimeSpan Duration { get; init; }
}

public enum RequestKind
{
    Graph,

    /// <summary>The outer $batch envelope; its items are logged as Graph requests.</summary>
    Batch,
    Token,
    ManagedIdentity,
    Discovery,

    /// <summary>A request to one of the sandbox's Key Vaults (Path is below the vault, e.g. "/secrets/name").</summary>
    KeyVault,
}

public enum RequestOutcome
{
    /// <summary>Served by the sandbox's handlers (whatever the status).</summary>
    Served,

    /// <summary>Refused by the throttling budgets.</summary>
    Throttled,

    /// <summary>Answered by an injected fault.</summary>
    Faulted,
}
