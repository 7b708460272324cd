using MathNet.Numerics.Distributions;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// Summary statistics of a sample, computed in a fixed order (the sample's order, then sorted) so the same values
/// always give the same bits, whatever thread produced them.
/// </summary>
public static class SampleStatistics
{
    /// <summary>The confidence level of <see cref="MetricSummary.Ci95Low"/>/<see cref="MetricSummary.Ci95High"/>.</summary>
    public const double ConfidenceLevel = 0.95;

    /// <summary>
    /// Mean ± t(0.975, n − 1) · s / √n, the percentiles by <see cref="Percentile"/>, min and max. The replications
    /// of a sweep are independent (each has its own seed), which is what the t interval assumes; it is exact for
    /// normal data and a good approximation for a mean of many runs otherwise.
    /// </summary>
    public static MetricSummary Summarize(IReadOnlyList<double> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var count = sample.Count;
        if (count == 0)
        {
            return MetricSummary.Empty;
        }

        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += sample[i];
        }

        var mean = sum / count;
        var sorted = sample.ToArray();
        Array.Sort(sorted);
        double? stdDev = null;
        double? low = null;
        double? high = null;
        if (count > 1)
        {
            var squares = 0.0;
            for (var i = 0; i < count; i++)
            {
                var d = sample[i] - mean;
                squares += d * d;
            }

            var s = Math.Sqrt(squares / (count - 1));
            var half = TQuantile(count - 1) * s / Math.Sqrt(count);
            stdDev = s;
            low = mean - half;
            high = mean + half;
        }

        return new MetricSummary(
            count, mean, low, high, stdDev, sorted[0],
            Percentile(sorted, 0.50), Percentile(sorted, 0.90), Percentile(sorted, 0.99), sorted[^1]);
    }

    /// <summary>
    /// The <paramref name="fraction"/> quantile of an ascending sample by linear interpolation between the order
    /// statistics at rank (n − 1)·p (Hyndman and Fan's type 7: numpy's and Excel PERCENTILE.INC's default).
    /// </summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1.0);
        var rank = (sorted.Count - 1) * fraction;
        var lower = (int)Math.Floor(rank);
        if (lower >= sorted.Count - 1)
        {
            return sorted[^1];
        }

        return sorted[lower] + ((rank - lower) * (sorted[lower + 1] - sorted[lower]));
    }

    /// <summary>The two-sided 95 % quantile of Student's t with <paramref name="degreesOfFreedom"/>.</summary>
    public static double TQuantile(int degreesOfFreedom) =>
        StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - ((1 - ConfidenceLevel) / 2));
}
