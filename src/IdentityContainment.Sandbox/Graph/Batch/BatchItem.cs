namespace IdentityContainment.Sandbox;

/// <summary>One request inside a $batch, as the client wrote it.</summary>
internal sealed record BatchItem(
    string Id,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    IReadOnlyList<string> DependsOn);
