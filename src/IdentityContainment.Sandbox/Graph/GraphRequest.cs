namespace IdentityContainment.Sandbox;

/// <summary>
/// One Graph request, independent of HTTP: what the HTTP adapter makes of an HttpContext and what
/// $batch makes of each of its items, so both go through the same router.
/// </summary>
internal sealed record GraphRequest
{
    public required string Method { get; init; }

    /// <summary>The path below the version, still percent-encoded, e.g. "/users/a%23EXT%23%40x.com".</summary>
    public required string Path { get; init; }

    /// <summary>The raw query string without '?', or "".</summary>
    public string Query { get; init; } = "";
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    public string? Body { get; init; }

    /// <summary>The caller from the bearer token (for $batch items: the batch's token), or why it failed.</summary>
    public required TokenValidationResult Caller { get; init; }

    /// <summary>Where this request's Graph endpoint is, e.g. "http://127.0.0.1:5000/v1.0", for nextLinks.</summary>
    public required string GraphBaseUri { get; init; }
    public string? ClientRequestId { get; init; }

    /// <summary>Set for $batch items: the batch's request-id and the item's id.</summary>
    public string? BatchId { get; init; }
    public string? BatchItemId { get; init; }

    /// <summary>
    /// For an item of a parallel $batch, its Outlook mailbox place as the batch took it on arrival: true held (the batch
    /// gives it back), false refused (over the limit). Null: the router takes the place itself.
    /// </summary>
    public bool? MailboxPlace { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
