namespace IdentityContainment.Benchmarks.ColdStart;

/// <summary>
/// A phase of a cold start, from the previous mark to this one. The keys are what children write in their sample
/// line; the labels are what the report shows.
/// </summary>
internal sealed record ColdStartPhase(string Key, string Label)
{
    public static ColdStartPhase PwshStart { get; } = new("start", "start: launch → first statement");
    public static ColdStartPhase HostStart { get; } = new("start", "start: launch → Main");
    public static ColdStartPhase RunspaceOpen { get; } = new("runspace", "runspace open (CreateDefault2)");
    public static ColdStartPhase Import { get; } = new("import", "Import-Module");
    public static ColdStartPhase Connect { get; } = new("connect", "Connect-IdentityContainment");
    public static ColdStartPhase FirstCall { get; } = new("firstCall", "Get-ContainmentUser (first call)");
}
