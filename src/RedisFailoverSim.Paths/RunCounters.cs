namespace RedisFailoverSim.Paths;

/// <summary>Engine counters of one run, for benchmarks: not part of the result, which must not depend on them.</summary>
public sealed class RunCounters
{
    /// <summary>Events the engine fired.</summary>
    public long EventsProcessed { get; set; }

    /// <summary>Messages the network carried.</summary>
    public long MessagesSent { get; set; }
}
