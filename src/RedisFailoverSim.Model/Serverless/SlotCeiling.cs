using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Cluster;

namespace RedisFailoverSim.Model.Serverless;

/// <summary>
/// The most one hash slot serves: 30,000 ECPU/s (docs/sources.md §5, §5.2), however far the cache has scaled, since a
/// slot lives on one shard (ASSUMPTION A163). Each slot is a cell-rate limiter (GCRA): a request waits until its slot
/// has served the ECPUs before it at that rate, less a burst tolerance of 1 ms of the rate, so writes that merely
/// arrive together do not queue. Per request, allocation-free: one array read and one write.
/// </summary>
public sealed class SlotCeiling
{
    /// <summary>The documented ceiling of one slot (writes; reads from replicas may reach 90,000), docs/sources.md §5.</summary>
    public const double EcpuPerSecondPerSlot = 30_000;

    private static readonly SimDuration Tolerance = SimDuration.FromMilliseconds(1);

    private readonly long[] _theoreticalArrival = new long[HashSlot.Count];
    private readonly double _ecpuPerSecond;

    /// <summary>Creates the limiters, every slot idle.</summary>
    /// <param name="ecpuPerSecond">The ceiling of each slot.</param>
    public SlotCeiling(double ecpuPerSecond = EcpuPerSecondPerSlot)
    {
        Invariant.Holds(ecpuPerSecond > 0);
        _ecpuPerSecond = ecpuPerSecond;
    }

    /// <summary>How long a request to <paramref name="slot"/> arriving at <paramref name="now"/> waits for its slot.</summary>
    public SimDuration WaitAt(int slot, SimTime now) =>
        SimDuration.FromNanoseconds(Math.Max(0, _theoreticalArrival[slot] - Tolerance.Nanoseconds - now.Nanoseconds));

    /// <summary>Charges an admitted request of <paramref name="ecpus"/> to <paramref name="slot"/>.</summary>
    public void Charge(int slot, SimTime now, double ecpus)
    {
        Invariant.Holds(ecpus >= 1);
        long cost = Math.Max(1, SimDuration.FromSecondsRounded(ecpus / _ecpuPerSecond).Nanoseconds);
        _theoreticalArrival[slot] = Math.Max(_theoreticalArrival[slot], now.Nanoseconds) + cost;
    }
}
