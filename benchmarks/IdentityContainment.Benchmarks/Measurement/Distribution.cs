namespace IdentityContainment.Benchmarks.Measurement;

/// <summary>The spread of one number over the runs. The median is what goals are judged on: one noisy run moves it least.</summary>
internal readonly record struct Distribution(double Min, double Median, double Max)
{
    public static Distribution Of(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A distribution needs at least one value.", nameof(values));
        }

        int middle = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Distribution(sorted[0], median, sorted[^1]);
    }
}
