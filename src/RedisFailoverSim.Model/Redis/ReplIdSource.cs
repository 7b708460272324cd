namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// Hands out replication ids. Real Redis draws 40 random hex characters; only identity matters to the
/// protocol, so a per-run counter (deterministic, readable in traces) stands in.
/// </summary>
public sealed class ReplIdSource
{
    private long _next = 1;

    /// <summary>A replication id never handed out before in this run.</summary>
    public long Next() => _next++;
}
