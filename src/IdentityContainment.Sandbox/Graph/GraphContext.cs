namespace IdentityContainment.Sandbox;

/// <summary>The @odata.context URLs Graph puts on its payloads; they name graph.microsoft.com whatever host served them.</summary>
internal static class GraphContext
{
    public const string MetadataBase = "https://graph.microsoft.com/v1.0/$metadata#";

    public static string Collection(string entitySet, IReadOnlyList<string>? select) =>
        MetadataBase + entitySet + SelectPart(select);

    public static string Entity(string entitySet, IReadOnlyList<string>? select) =>
        MetadataBase + entitySet + SelectPart(select) + "/$entity";

    private static string SelectPart(IReadOnlyList<string>? select) =>
        select is null ? "" : "(" + string.Join(',', select) + ")";
}
