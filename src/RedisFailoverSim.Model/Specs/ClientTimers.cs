namespace RedisFailoverSim.Model.Specs;

/// <summary>When a client library acts on its timers (command timeouts, reconnect delays).</summary>
public enum ClientTimers
{
    /// <summary>
    /// On a periodic heartbeat only (StackExchange.Redis checks timeouts on its 1 s heartbeat: 0–1 s of slop), which
    /// also drives its Sentinel re-query (assumption A12).
    /// </summary>
    Heartbeat,

    /// <summary>At the instant each timer expires (a per-command timer, a scheduled reconnect).</summary>
    Exact,
}
