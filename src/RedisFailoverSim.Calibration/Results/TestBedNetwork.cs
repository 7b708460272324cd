using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Calibration.Results;

/// <summary>
/// The network the model runs in a calibration: the test bed's, measured. Every real link is loopback through rfsim's
/// proxies, with the clients' own library in the path, so the model's AWS delays (same-AZ 0.22 ms, cross-AZ 0.8 ms
/// one way, docs/sources.md §8) would put two of three clients of a three-AZ scenario ~1.2 ms further from the primary
/// than any real client is: the reason a calibration's model P50 was 1.44 ms against a real 0.44-0.75 ms. ASSUMPTION
/// A107: one-way delays log-normal, the same inside and between AZs, with the median and sigma for which a round trip
/// (two independent one-way draws) has the probes' P50 and P99 (<see cref="RoundTripFit"/>).
/// </summary>
/// <param name="Probes">Round trips measured, all real runs together.</param>
/// <param name="RoundTripP50Ms">Their median, ms.</param>
/// <param name="RoundTripP99Ms">Their 99th percentile (nearest rank), ms.</param>
/// <param name="OneWayMedianMs">The model's median one-way delay, ms.</param>
/// <param name="Sigma">The model's log-normal sigma.</param>
public sealed record TestBedNetwork(int Probes, double RoundTripP50Ms, double RoundTripP99Ms, double OneWayMedianMs, double Sigma)
{
    /// <summary>Fits the network to PING round trips (ms); null when there are none.</summary>
    public static TestBedNetwork? Fit(IReadOnlyList<double> roundTripsMs)
    {
        if (roundTripsMs.Count == 0)
        {
            return null;
        }

        var sorted = roundTripsMs.Order().ToArray();
        double p50 = Rank(sorted, 0.50), p99 = Rank(sorted, 0.99);
        var (oneWayMedian, sigma) = RoundTripFit.Solve(p50, p99);
        return new TestBedNetwork(sorted.Length, Math.Round(p50, 3), Math.Round(p99, 3), Math.Round(oneWayMedian, 4), Math.Round(sigma, 3));
    }

    /// <summary>The network spec: the same delays inside and between AZs (every real link is loopback).</summary>
    public NetworkSpec Spec()
    {
        var median = SimDuration.FromSecondsRounded(Math.Max(OneWayMedianMs, 0.001) / 1000);
        return new NetworkSpec(median, Sigma, median, Sigma);
    }

    private static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
