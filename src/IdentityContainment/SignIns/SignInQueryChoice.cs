namespace IdentityContainment.SignIns;

/// <summary>
/// The query shape a hunt chose, and the requests each shape was expected to cost (the probe page included), so a
/// verbose line and a benchmark can say why.
/// </summary>
/// <param name="Shape">The shape used.</param>
/// <param name="PerUserRequests">Expected requests with a query per user (with the probe, when one was sent).</param>
/// <param name="TimeRangeRequests">Expected requests with the one query over the time range (the probe is its first page); null when not estimated.</param>
/// <param name="Reason">One sentence for -Verbose.</param>
/// <param name="Slices">With the time range: how many time slices of it are read at once (see <see cref="SignInReader.ReadWindowAsync"/>).</param>
public sealed record SignInQueryChoice(SignInQueryShape Shape, int PerUserRequests, int? TimeRangeRequests, string Reason, int Slices = 1);
