using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// One-way link delays, log-normal: median and sigma (of the log). Defaults are calibrated to docs/sources.md §8:
/// same-AZ RTT ≈ 0.45 ms (0.39–0.65), cross-AZ RTT ≈ 1.3–2.1 ms, "single-digit ms", with a tail.
/// </summary>
/// <param name="SameAzMedian">Median one-way delay inside an AZ.</param>
/// <param name="SameAzSigma">Log-normal sigma inside an AZ.</param>
/// <param name="CrossAzMedian">Median one-way delay between AZs.</param>
/// <param name="CrossAzSigma">Log-normal sigma between AZs.</param>
public sealed record NetworkSpec(
    SimDuration SameAzMedian,
    double SameAzSigma,
    SimDuration CrossAzMedian,
    double CrossAzSigma)
{
    /// <summary>
    /// docs/sources.md §8: same-AZ ping 0.45 ms average (one way ≈ 0.22 ms); us-east-1 cross-AZ 1.33–2.11 ms RTT
    /// (one way ≈ 0.65–1.05 ms). Sigma 0.25 puts P99 at ≈ 1.8× the median: the tail.
    /// </summary>
    public static NetworkSpec Default { get; } = new(
        SameAzMedian: SimDuration.FromMicroseconds(220),
        SameAzSigma: 0.25,
        CrossAzMedian: SimDuration.FromMicroseconds(800),
        CrossAzSigma: 0.25);

    /// <summary>
    /// True for the calibration's test bed, whose proxies forward what a cut held as soon as it heals
    /// (src/RedisFailoverSim.Calibration/README.md); false for a network of kernels, which send it at their next
    /// retransmission-timer expiry (docs/sources.md §11.17).
    /// </summary>
    public bool RetransmitAtHeal { get; init; }

    /// <summary>
    /// The egress bandwidth of each Redis node's network interface, in bits per second; 0 (the default) for none:
    /// every message leaves at once, as before the key existed. When set, a node's replication stream and log appends
    /// queue FIFO on its interface (docs/sources.md §8.1, assumption A160).
    /// </summary>
    public long NodeBandwidthBitsPerSecond { get; init; }
}
