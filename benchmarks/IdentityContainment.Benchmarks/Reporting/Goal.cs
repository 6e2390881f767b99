using System.Globalization;

namespace IdentityContainment.Benchmarks.Reporting;

/// <summary>A limit a measurement must stay under, judged on the median of the runs.</summary>
internal sealed record Goal(double Limit, string Unit)
{
    public bool IsMetBy(double value) => value < Limit;

    public string Verdict(double value) => VerdictOf(IsMetBy(value));

    /// <summary>The report's word for a goal met or missed, for goals that are not a single limit.</summary>
    public static string VerdictOf(bool met) => met ? "PASS" : "FAIL";

    public override string ToString() => "< " + Limit.ToString("0.##", CultureInfo.InvariantCulture) + " " + Unit;
}
