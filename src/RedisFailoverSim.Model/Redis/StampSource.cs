namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// Hands out history branches: a new one each time a node starts writing a history it did not write the previous
/// entry of (a promotion, a restart as primary, a new log leader). A per-run counter, so stamps are deterministic.
/// </summary>
public sealed class StampSource
{
    private long _next = 1;

    /// <summary>A branch never handed out before in this run.</summary>
    public long NextBranch() => _next++;
}
