using System.Globalization;

namespace IdentityContainment.Benchmarks.Reporting;

/// <summary>A limit a measurement must stay under, judged on the median of the runs.</summary>
internal sealed record Goal(double Limit, string Unit)
{
    public bool IsMetBy(double value) => value < Limit;

    public string Verdict(double value) => IsMetBy(value) ? "PASS" : "FAIL";

    public override string ToString() => "< " + Limit.ToString("0.##", CultureInfo.InvariantCulture) + " " + Unit;
}
