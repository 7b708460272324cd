namespace RedisFailoverSim.Model.Catalog;

/// <summary>Every assumption the model makes, by id. Code comments cite these ids.</summary>
public static class Assumptions
{
    /// <summary>All assumptions, in id order.</summary>
    public static IReadOnlyList<Assumption> All { get; } =
    [
        new("A1", "all", "One-way network delays are log-normal per message, median 0.22 ms inside an AZ and 0.8 ms across AZs, sigma 0.25 (FACTS.md §8 gives RTT averages, not distributions).", "network.same-az-median / cross-az-median / same-az-sigma / cross-az-sigma", "0.22 ms / 0.8 ms / 0.25"),
        new("A2", "all", "Every write is an SADD of a unique element whose replication-stream size is the value size plus 40 bytes of command overhead.", "workload.value-size", "value + 40 B"),
        new("A3", "self-hosted, elasticache", "A full resync streams the dataset at 100 MB/s (transfer and load) after repl-diskless-sync-delay.", "redis.full-sync-rate", "100 MB/s"),
        new("A4", "self-hosted, elasticache", "The primary holds 100 MB of data before the run's writes, which every full sync must copy.", "redis.base-dataset-size", "100 MB"),
        new("A5", "self-hosted", "A client asks each Sentinel for the primary with a 500 ms timeout ('a few hundred ms', FACTS.md §9.1), then verifies with ROLE.", "client.sentinel-timeout", "500 ms"),
        new("A6", "self-hosted", "Sentinels know every node and every other Sentinel from the start (discovery through INFO and hello is not replayed).", null, "-"),
        new("A7", "self-hosted", "Sentinel TILT mode is not modelled: the simulation has no clock jumps and Sentinels are never paused.", null, "-"),
        new("A8", "all", "A write that never left the client (no connection for the whole command timeout) counts as failed, not unknown: the client knows it was never sent.", null, "-"),
        new("A9", "all", "Latency percentiles are over acknowledged writes; failed and unknown writes appear in the charts and counts.", null, "-"),
        new("A10", "all", "A crashed process's host resets its TCP connections at once (kill -9); a powered-off host answers nothing.", null, "-"),
        new("A11", "self-hosted, elasticache", "A replica retries an unanswered PSYNC handshake after 5 s (one TCP SYN retry) instead of waiting the whole repl-timeout; it only shortens reconvergence after a heal.", null, "5 s"),
        new("A12", "self-hosted", "A StackExchange.Redis client in Sentinel mode re-queries the Sentinels every second after losing its primary (its sentinel-managed reconnect timer) rather than waiting the ExponentialRetry backoff.", "client.heartbeat", "1 s"),
        new("A13", "self-hosted", "Sentinels exchange hellos directly every 2 s; hellos relayed through the instances' __sentinel__:hello channel are not modelled (they only add redundant paths).", null, "-"),
        new("A14", "all", "An AZ power interruption powers off the Redis nodes and Sentinels in the AZ (not the clients, which are assumed to run elsewhere); nodes come back empty, Sentinels stay down.", null, "-"),
    ];

    /// <summary>The assumptions that apply to a path (or to all paths).</summary>
    public static IReadOnlyList<Assumption> For(string path) =>
        All.Where(a => a.Paths == "all" || a.Paths.Split(", ").Contains(path)).ToList();
}
