using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// The one place a Graph request is served, whether it came over HTTP or inside a $batch: it checks
/// the caller, applies injected faults, finds the route, checks permissions, meters the request
/// against the throttling budgets, runs the handler, stamps Graph's headers and logs it.
/// </summary>
internal sealed class GraphRouter
{
    private readonly TenantState _tenant;
    private readonly ThrottleGovernor _governor;
    private readonly FaultInjector _faults;
    private readonly RequestLog _log;
    private readonly IReadOnlyList<GraphRoute> _routes;
    private readonly BatchProcessor _batch;
    private readonly PagingOptions _paging;
    private readonly MailboxConcurrencyGate _mailboxes;
    private readonly TimeSpan _latency;

    /// <param name="latency">
    /// The sandbox's --latency-ms: every Graph request takes this long to answer, a $batch item as much as a plain request
    /// (items run in parallel, so a parallel batch takes it about once), and an Outlook request holds its mailbox's place
    /// for that time, as a real request holds it while the mailbox serves it.
    /// </param>
    public GraphRouter(TenantState tenant, ThrottleGovernor governor, FaultInjector faults, RequestLog log, IReadOnlyList<GraphRoute> routes, PagingOptions paging,
        TimeSpan latency = default)
    {
        _latency = latency;
        _paging = paging;
        _tenant = tenant;
        _governor = governor;
        _faults = faults;
        _log = log;
        _routes = routes;
        _batch = new BatchProcessor(this);
        _mailboxes = new MailboxConcurrencyGate(governor.Options);
    }

    public async Task<GraphResponse> HandleAsync(GraphRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = Guid.NewGuid().ToString();
        var clientRequestId = request.ClientRequestId ?? request.Header("client-request-id") ?? Guid.NewGuid().ToString();
        var method = request.Method.ToUpperInvariant();
        var segments = GraphPath.Segments(request.Path);
        var isBatch = segments is ["$batch"];
        var caller = request.Caller.Caller;

        // An Outlook request holds its mailbox's place from here to its answer, latency included; an item of a parallel
        // batch had its place taken when the batch arrived.
        var mailbox = caller is null || isBatch ? null : OutlookMailbox.Of(segments, caller, _tenant);
        var enteredMailbox = mailbox is not null && request.MailboxPlace is null && _mailboxes.TryEnter(caller!.AppId, mailbox);
        var overMailboxLimit = mailbox is not null && (request.MailboxPlace is { } place ? !place : !enteredMailbox);
        GraphResponse response;
        try
        {
            if (_latency > TimeSpan.Zero && !isBatch)
                await Task.Delay(_latency, cancellationToken).ConfigureAwait(false);
            response = await ServeAsync(request, method, segments, isBatch, caller, overMailboxLimit, clientRequestId, requestId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (enteredMailbox)
                _mailboxes.Exit(caller!.AppId, mailbox!);
        }

        Stamp(response, clientRequestId, requestId);
        _log.Add(new RequestLogEntry
        {
            Timestamp = _tenant.Clock.GetUtcNow(),
            Kind = isBatch && request.BatchId is null ? RequestKind.Batch : RequestKind.Graph,
            Method = method,
            Path = GraphPath.Decoded(request.Path) + (request.Query.Length > 0 ? "?" + Uri.UnescapeDataString(request.Query) : ""),
            Status = response.Status,
            AppId = caller?.AppId,
            IsWrite = !isBatch && GraphMethods.IsWrite(method),
            ConsistencyLevel = request.Header("ConsistencyLevel"),
            BatchId = request.BatchId,
            BatchItemId = request.BatchItemId,
            RequestId = requestId,
            ClientRequestId = clientRequestId,
            Outcome = response.Outcome,
            Duration = Stopwatch.GetElapsedTime(started),
        });
        return response;
    }

    /// <summary>
    /// Takes an Outlook mailbox place for one item of a parallel batch, at the batch's arrival: the items of one batch reach
    /// the mailbox together, so they count as concurrent however fast the sandbox would run them one by one. Null when the
    /// item is no Outlook request; true when the place is taken (give it back with <see cref="ReleaseMailboxPlace"/>).
    /// </summary>
    internal bool? TakeMailboxPlace(string path, CallerIdentity? caller)
    {
        if (caller is null || OutlookMailbox.Of(GraphPath.Segments(path), caller, _tenant) is not { } mailbox)
            return null;
        return _mailboxes.TryEnter(caller.AppId, mailbox);
    }

    internal void ReleaseMailboxPlace(string path, CallerIdentity caller) =>
        _mailboxes.Exit(caller.AppId, OutlookMailbox.Of(GraphPath.Segments(path), caller, _tenant)!);

    private async Task<GraphResponse> ServeAsync(GraphRequest request, string method, IReadOnlyList<string> segments, bool isBatch, CallerIdentity? caller,
        bool overMailboxLimit, string clientRequestId, string requestId, CancellationToken cancellationToken)
    {
        GraphResponse response;
        if (caller is null)
        {
            response = GraphResponse.Error(401, "InvalidAuthenticationToken", request.Caller.Failure!);
        }
        else if (overMailboxLimit)
        {
            response = MailboxConcurrencyGate.Refused();
        }
        else if (await _faults.ApplyAsync(method, GraphPath.Decoded(request.Path), request.Query, cancellationToken).ConfigureAwait(false) is { } fault)
        {
            response = FaultResponses.For(fault);
        }
        else if (isBatch)
        {
            response = request.BatchId is not null
                ? GraphResponse.Error(400, "BadRequest", "A $batch request cannot contain another $batch.")
                : method != "POST"
                    ? GraphResponse.Error(405, "Request_BadRequest", "The $batch endpoint only accepts POST.")
                    : await _batch.ProcessAsync(request with { ClientRequestId = clientRequestId }, requestId, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            response = Route(request, method, segments, caller);
        }

        return response;
    }

    private GraphResponse Route(GraphRequest request, string method, IReadOnlyList<string> segments, CallerIdentity caller)
    {
        if (segments.Count > 0 && string.Equals(segments[0], "me", StringComparison.OrdinalIgnoreCase))
        {
            if (caller.IsAppOnly)
                return GraphResponse.Error(400, "BadRequest", "/me request is only valid with delegated authentication flow.");
            segments = ["users", caller.ObjectId, .. segments.Skip(1)];
        }

        var matched = false;
        foreach (var route in _routes)
        {
            if (!route.TryMatch(segments, out var values))
                continue;
            matched = true;
            if (route.Method != method)
                continue;
            if (!SignedInUserScopes.AllowRoute(route, caller, values, _tenant))
                return GraphResponse.Forbidden();
            var query = ODataQuery.Parse(request.Query);
            var decision = _governor.Decide(route.ThrottleClass, caller.AppId, ResourceUnitCost.Of(route.BaseCost, query), route.IsWrite,
                route.ThrottleClass == ThrottleClass.Outlook ? OutlookMailbox.Of(segments, caller, _tenant) : null);
            if (!decision.Allowed)
                return FaultResponses.Throttled(decision);
            var response = route.Handler(new GraphCallContext(_tenant, caller, request, values, query, _paging));
            if (decision.ResourceUnits is { } units)
                response.Headers["x-ms-resource-unit"] = units.ToString(CultureInfo.InvariantCulture);
            if (decision.LimitPercentage is > 0.8 and var used)
                response.Headers["x-ms-throttle-limit-percentage"] = used.ToString("0.0#", CultureInfo.InvariantCulture);
            return response;
        }
        return matched
            ? GraphResponse.Error(405, "Request_BadRequest", $"The HTTP method '{method}' is not allowed for this resource.")
            : GraphResponse.Error(400, "BadRequest", $"Resource not found for the segment '{segments.FirstOrDefault() ?? ""}'.");
    }

    /// <summary>Graph's per-response headers, and innerError on every error body.</summary>
    public GraphResponse Stamp(GraphResponse response, string? clientRequestId, string? requestId = null)
    {
        requestId ??= Guid.NewGuid().ToString();
        clientRequestId ??= Guid.NewGuid().ToString();
        var now = _tenant.Clock.GetUtcNow();
        response.Headers["request-id"] = requestId;
        response.Headers["client-request-id"] = clientRequestId;
        response.Headers["Date"] = now.ToString("R", CultureInfo.InvariantCulture);
        if (response.Body is JsonObject body && body["error"] is JsonObject error && error["innerError"] is null)
        {
            error["innerError"] = response.Status == 429
                ? new JsonObject
                {
                    ["code"] = "429",
                    ["date"] = GraphTime.FormatErrorDate(now),
                    ["message"] = "Please retry after",
                    ["request-id"] = requestId,
                    ["status"] = "429",
                }
                : new JsonObject
                {
                    ["date"] = GraphTime.FormatErrorDate(now),
                    ["request-id"] = requestId,
                    ["client-request-id"] = clientRequestId,
                };
        }
        if (response.Status == 401)
            response.Headers["WWW-Authenticate"] =
                "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"";
        return response;
    }
}
