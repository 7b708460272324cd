namespace RedisFailoverSim.Model.Specs;

/// <summary>What a Sentinel client does with the Sentinel's Pub/Sub events (<c>client.sentinel-events</c>).</summary>
public enum SentinelEventAction
{
    /// <summary>Only <c>+switch-master</c> counts, and the client moves at once (with follow-switch-master).</summary>
    SwitchMaster,

    /// <summary>
    /// node-redis 6.3.1: every event it subscribes to (±sdown, ±odown, +switch-master, +slave, +sentinel,
    /// +slave-reconf-done) re-asks the first reachable Sentinel for the master; while that Sentinel calls the master
    /// unusable (s_down, failover_in_progress) it asks again every second, 16 times at most, and holds the writes
    /// issued meanwhile (docs/sources.md §11.18).
    /// </summary>
    Rediscover,
}
