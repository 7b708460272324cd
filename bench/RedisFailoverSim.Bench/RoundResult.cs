namespace RedisFailoverSim.Bench;

/// <summary>One timed round of a hold loop: events, wall seconds, process CPU seconds, bytes allocated.</summary>
internal readonly record struct RoundResult(long Events, double Elapsed, double CpuSeconds, long Bytes)
{
    public double EventsPerSecond => Events / Elapsed;

    /// <summary>Events per second of CPU time: insensitive to being descheduled on a busy machine.</summary>
    public double EventsPerCpuSecond => Events / CpuSeconds;
}
