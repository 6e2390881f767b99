using System.Text.Json.Nodes;
using IdentityContainment.Graph;

namespace IdentityContainment.Engine.Tests.Containment;

/// <summary>Graph's answers to batch items, as a decision receives them, for table tests.</summary>
internal static class Answers
{
    public static GraphBatchResult Ok(string requestId = "req-ok") =>
        new("0", 204, null, new Dictionary<string, string> { ["request-id"] = requestId });

    public static GraphBatchResult Refused(int status, string code = "Authorization_RequestDenied", string message = "Insufficient privileges to complete the operation.", string requestId = "req-refused") =>
        new("0", status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, new Dictionary<string, string> { ["request-id"] = requestId });
}
