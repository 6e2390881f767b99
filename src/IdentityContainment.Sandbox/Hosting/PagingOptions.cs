namespace IdentityContainment.Sandbox;

/// <summary>How the sandbox pages collections; live-tunable, like <see cref="ThrottlingOptions"/>.</summary>
public sealed class PagingOptions
{
    /// <summary>
    /// When set, no page holds more than this many items, whatever the resource's default or the client's $top: tests set
    /// 2 or 3 so that a client which ignores @odata.nextLink visibly loses data. Null serves Graph's own page sizes.
    /// </summary>
    public int? MaxPageSize { get; set; }
}
