using System.Text;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>Reads a $batch body and checks it as Graph does; a malformed batch fails as a whole with 400.</summary>
internal static class BatchParser
{
    public const int MaxRequests = 20;

    public static (IReadOnlyList<BatchItem>? Items, GraphResponse? Error) Parse(string? body)
    {
        if (JsonBody.ParseObject(body)?["requests"] is not JsonArray requests)
            return Fail("Invalid batch payload format.");
        if (requests.Count == 0)
            return Fail("The batch must contain at least one request.");
        if (requests.Count > MaxRequests)
            return Fail($"Number of requests in a batch exceeds the limit of {MaxRequests}.");

        var items = new List<BatchItem>();
        foreach (var node in requests)
        {
            if (node is not JsonObject request)
                return Fail("Invalid batch payload format.");
            var id = Text(request["id"]);
            var method = Text(request["method"]);
            var url = Text(request["url"]);
            if (id is null || method is null || url is null)
                return Fail($"Each batch request needs an id, a method and a url{(id is null ? "" : $" (request id : {id})")}.");
            // Graph compares request ids ignoring case: "a" and "A" in one batch is 400 "Request Id A has to be unique
            // in a batch." (microsoft-graph-docs issue 4449; msgraph-sdk-java issue 559 shows the same message).
            if (items.Any(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase)))
                return Fail($"Request Id {id} has to be unique in a batch.");
            if (url.Contains("://", StringComparison.Ordinal))
                return Fail($"Request id : {id} has an absolute url; batch urls are relative to the version, e.g. /users/{{id}}.");

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (request["headers"] is JsonObject headerObject)
                foreach (var (name, value) in headerObject)
                    headers[name] = Text(value) ?? value?.ToJsonString() ?? "";
            var itemBody = BodyText(request["body"]);
            // A write needs a body and its Content-Type even when the action takes no parameters (the body may be {}),
            // and a body needs its Content-Type. Graph fails the whole batch, not only the item: the error comes back as
            // the batch's own 400 and no item runs (json-batching docs; microsoft-graph-docs issue 6682 is a bodyless
            // revokeSignInSessions; msgraph-sdk-dotnet issues 1038 and 2628 see it thrown for the whole batch).
            var isWrite = method.ToUpperInvariant() is "POST" or "PATCH" or "PUT";
            if ((isWrite || itemBody is not null) && (itemBody is null || !headers.ContainsKey("Content-Type")))
                return Fail($"Write request id : {id} does not contain Content-Type header or body.");

            var dependsOn = request["dependsOn"] is JsonArray deps ? deps.Select(Text).OfType<string>().ToArray() : [];
            // Requiring dependencies to come earlier rules out cycles, and Graph refuses a dependency on a later request
            // ("Invalid dependency for request Id", msgraph-sdk-dotnet-core issue 891; msgraph-sdk-java-core issue 71). Ids are
            // unique ignoring case, but whether dependsOn finds "A" when it names "a" is not documented: the sandbox
            // refuses that rather than guess, and takes only the id exactly as written.
            var unknown = dependsOn.FirstOrDefault(d => items.All(i => i.Id != d));
            if (unknown is not null)
                return Fail(items.Any(i => string.Equals(i.Id, unknown, StringComparison.OrdinalIgnoreCase))
                    ? $"Request id : {id} depends on '{unknown}', which differs in case from the earlier request's id; name it exactly."
                    : $"Request id : {id} depends on '{unknown}', which is not an earlier request in the batch.");

            var (path, query) = SplitUrl(url);
            items.Add(new BatchItem(id, method.ToUpperInvariant(), path, query, headers, itemBody, dependsOn));
        }
        return IsParallelOrSequential(items) ? (items, null) : Fail("Batch should be either fully sequential or fully parallel.");
    }

    /// <summary>
    /// Graph runs a batch either fully parallel (no item names a dependency) or fully sequential, and refuses a mix with 400
    /// "Batch should be either fully sequential or fully parallel." (microsoft-graph-docs issue 16280: the docs' own
    /// example of two independent items and two dependents was refused so; a Microsoft answer on Q&amp;A 1532547 repeats
    /// the rule). What else a sequential batch may look like is not documented (the JavaScript SDK once allowed items that
    /// all name the same one), so the sandbox takes only the reading that cannot be wrong, the docs' example: one chain in
    /// request order, each item after the first depending on exactly the item before it.
    /// </summary>
    private static bool IsParallelOrSequential(IReadOnlyList<BatchItem> items)
    {
        if (items.All(i => i.DependsOn.Count == 0))
            return true;
        for (var k = 1; k < items.Count; k++)
            if (items[k].DependsOn is not [var previous] || previous != items[k - 1].Id)
                return false;
        return true;
    }

    /// <summary>"/users/x?$select=id", "users/x" and "/v1.0/users/x" all mean the same path.</summary>
    private static (string Path, string Query) SplitUrl(string url)
    {
        var question = url.IndexOf('?');
        var path = question < 0 ? url : url[..question];
        var query = question < 0 ? "" : url[(question + 1)..];
        path = "/" + path.TrimStart('/');
        if (path.StartsWith("/v1.0/", StringComparison.OrdinalIgnoreCase))
            path = path["/v1.0".Length..];
        return (path, query);
    }

    // A body is JSON, or a base64 string (Graph accepts both).
    private static string? BodyText(JsonNode? body)
    {
        if (body is null)
            return null;
        if (body is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(text));
            }
            catch (FormatException)
            {
                return text;
            }
        }
        return body.ToJsonString();
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value
            ? value.TryGetValue<string>(out var s) ? s : value.ToJsonString()
            : null;

    private static (IReadOnlyList<BatchItem>?, GraphResponse?) Fail(string message) =>
        (null, GraphResponse.Error(400, "BadRequest", message));
}
