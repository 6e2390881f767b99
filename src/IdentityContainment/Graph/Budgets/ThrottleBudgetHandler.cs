namespace IdentityContainment.Graph.Budgets;

/// <summary>
/// Budgets single calls: each attempt takes what its class needs before it goes and holds it until its answer is back.
/// Directory reads pass straight through (resource units are not paced client-side). It sits inside the retries, so a
/// retried call pays again. The $batch envelope passes untouched (the batch client
/// budgets its items one by one), and so does anything not sent to the connection's Graph (Key Vault).
/// </summary>
internal sealed class ThrottleBudgetHandler : DelegatingHandler
{
    private readonly ThrottleBudgets _budgets;
    private readonly Uri _graphEndpoint;

    public ThrottleBudgetHandler(ThrottleBudgets budgets, Uri graphEndpoint)
    {
        _budgets = budgets;
        _graphEndpoint = graphEndpoint;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ClassifiedRequest classified = Classify(request);
        if (classified.Class is RequestClass.BatchEnvelope or RequestClass.Other or RequestClass.IdentityRead)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using BudgetLease lease = await _budgets.AcquireAsync(classified, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        // The permit is held until the answer is in: Outlook counts a request in flight until then.
        await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        return response;
    }

    private ClassifiedRequest Classify(HttpRequestMessage request)
    {
        Uri? uri = request.RequestUri;
        if (uri is null || !IsConnectionGraph(uri))
        {
            return ClassifiedRequest.Unbudgeted;
        }

        return RequestClassifier.Classify(request.Method.Method, GraphPaths.Describe(uri, _graphEndpoint));
    }

    private bool IsConnectionGraph(Uri uri) =>
        Uri.Compare(uri, _graphEndpoint, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0
        && uri.AbsolutePath.StartsWith(_graphEndpoint.AbsolutePath.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase);
}
