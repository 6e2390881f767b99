using IdentityContainment.Detection.SignIns;
using IdentityContainment.Errors;
using IdentityContainment.Graph;

namespace IdentityContainment.SignIns;

/// <summary>
/// The first page of the tenant-wide query over a time range, read on its own (<see cref="SignInReader.ProbeAsync"/>):
/// its sign-ins, the next page's address when more follow, or how the read stopped when Graph would not give it.
/// </summary>
public sealed record SignInLogProbe(IReadOnlyList<SignInFacts> SignIns, string? NextUrl, ListOutcome? Stopped)
{
    /// <summary>Why the log was not given, in words about the whole tenant; null when it was.</summary>
    public ContainmentException? Error => Stopped is null ? null : SignInLogRefusal.Translate(Stopped, "the tenant");

    /// <summary>What the page says about the log, counted for the users asked about (object ids).</summary>
    public SignInLogSample Sample(IEnumerable<string> userIds)
    {
        var asked = new HashSet<string>(userIds, StringComparer.OrdinalIgnoreCase);
        Dictionary<string, int> byUser = SignIns.Where(s => asked.Contains(s.UserId))
            .GroupBy(s => s.UserId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        return new SignInLogSample(SignIns.Count, NextUrl is null, SignIns.Count == 0 ? null : SignIns.Min(s => s.CreatedDateTime), byUser);
    }
}
