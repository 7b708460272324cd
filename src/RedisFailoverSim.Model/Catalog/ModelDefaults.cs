namespace RedisFailoverSim.Model.Catalog;

/// <summary>
/// Every documented default the model uses, with the docs/sources.md section it comes from: printed by
/// <c>rfsim explain</c> and the report. Values match the <c>Default</c> records in <c>Model/Specs</c>; assumptions
/// (undocumented choices) are in <see cref="Assumptions"/> instead.
/// </summary>
/// <remarks>
/// Scenario keys follow the <c>section.key_unit</c> convention of <see cref="Assumptions"/>; they must match the
/// scenario format (scenarios/README.md). Covers docs/sources.md §1 (replication), §2 (Sentinel), §8 (network) and
/// §9 (clients); the AWS paths add theirs (§4–§6) when they land.
/// </remarks>
public static class ModelDefaults
{
    /// <summary>All defaults, grouped by component.</summary>
    public static IReadOnlyList<ModelDefault> All { get; } =
    [
        // Redis / Valkey replication (docs/sources.md §1).
        new("self-hosted, elasticache", "replication", "asynchronous; the primary replies before any replica has the write", "docs/sources.md §1.1 (replication.md)", null),
        new("self-hosted, elasticache", "replica ACK period", "1 s (REPLCONF ACK of the processed offset)", "docs/sources.md §1.1 (replication.c replicationSendAck)", null),
        new("self-hosted, elasticache", "repl-ping-replica-period", "10 s", "docs/sources.md §1.1 (redis.conf)", "redis.repl-ping-replica-period"),
        new("self-hosted, elasticache", "repl-timeout", "60 s", "docs/sources.md §1.1 (redis.conf; ElastiCache: fixed)", "redis.repl-timeout"),
        new("self-hosted, elasticache", "repl-backlog-size", "1 MB (Redis and ElastiCache; Valkey: 10 MB)", "docs/sources.md §1.2 (redis.conf, valkey config.c, ElastiCache parameter groups)", "redis.repl-backlog-size"),
        new("self-hosted, elasticache", "client-output-buffer-limit replica", "256mb 64mb 60: a replica whose unsent stream reaches 256 MB, or stays at 64 MB or more for over 60 s, is disconnected and resyncs (binds only behind network.node-bandwidth; the mechanism's details are A178; ElastiCache takes Redis's value, A183)", "docs/sources.md §8.1 (redis.conf; networking.c checkClientOutputBufferLimits, config.c)", "redis.client-output-buffer-limit-replica"),
        new("self-hosted, elasticache", "repl-diskless-sync-delay", "5 s before a full sync streams", "docs/sources.md §1.2 (redis.conf)", "redis.repl-diskless-sync-delay"),
        new("self-hosted, elasticache", "appendonly", "no: a node without save points comes back empty and its replicas sync to empty", "docs/sources.md §1.2, §16.2 (replication.md; redis.conf)", "redis.appendonly"),
        new("self-hosted, elasticache", "appendfsync", "everysec: a process crash keeps every AOF write(); a power loss keeps what the last once-a-second fsync covered (always: every acknowledged write; no: what the kernel wrote back)", "docs/sources.md §16.1 (aof.c flushAppendOnlyFile; redis.io persistence page)", "redis.appendfsync"),
        new("self-hosted, elasticache", "save", "save points checked by serverCron; a restart without AOF loads the last completed snapshot (the model's default is none, A92)", "docs/sources.md §16.2-§16.3 (redis.conf; server.c serverCron, loadDataFromDisk)", "redis.save"),
        new("self-hosted, elasticache", "promotion", "REPLICAOF NO ONE with a new replication ID; the old ID is kept as secondary for partial resync", "docs/sources.md §1.2 (replication.md)", null),
        new("self-hosted, elasticache", "old primary rejoining", "becomes a replica of the new primary and discards its data set (last failover wins)", "docs/sources.md §1.3 (sentinel.md Example 2)", null),
        new("self-hosted, elasticache", "min-replicas-to-write", "0 (off); when on, writes get -NOREPLICAS", "docs/sources.md §1.5 (redis.conf; ElastiCache same)", "redis.min-replicas-to-write"),
        new("self-hosted, elasticache", "min-replicas-max-lag", "10 s (lag = whole seconds since the replica's last ACK)", "docs/sources.md §1.5 (redis.conf, replication.c refreshGoodSlavesCount)", "redis.min-replicas-max-lag"),
        new("self-hosted, elasticache", "WAIT / WAITAOF", "none sent unless workload.wait asks; WAIT numreplicas timeout answers how many replicas acknowledged the client's last write, at once or at the timeout (0: never times out), and does not make a failover promote one of them, so a write it confirmed can still be lost; WAITAOF numlocal numreplicas timeout counts AOF fsyncs the same way (node-based ElastiCache restricts neither)", "docs/sources.md §16.4, §5.3 (replication.c waitCommand; redis.io WAIT and WAITAOF; ElastiCache SupportedCommands)", "workload.wait"),
        new("self-hosted, elasticache", "replica-priority", "100 (lower preferred; 0 = never promoted)", "docs/sources.md §1.6 (redis.conf)", "nodes[].replica-priority"),
        new("self-hosted, elasticache", "replica-read-only", "yes: writes to a replica get -READONLY", "docs/sources.md §1.1 (redis.conf, server.c)", null),

        // Sentinel (docs/sources.md §2).
        new("self-hosted", "down-after-milliseconds", "30000 ms", "docs/sources.md §2.1 (sentinel.c sentinel_default_down_after)", "sentinel.down-after-milliseconds"),
        new("self-hosted", "failover-timeout", "180000 ms (a Sentinel that voted for another retries after 2x)", "docs/sources.md §2.1, §2.3 (sentinel.c, sentinel.conf)", "sentinel.failover-timeout"),
        new("self-hosted", "parallel-syncs", "1", "docs/sources.md §2.1 (sentinel.c SENTINEL_DEFAULT_PARALLEL_SYNCS)", "sentinel.parallel-syncs"),
        new("self-hosted", "quorum", "2 (no Redis default; the documented example)", "docs/sources.md §2.1 (sentinel.conf)", "sentinel.quorum"),
        new("self-hosted", "PING period", "1000 ms", "docs/sources.md §2.1 (sentinel.c)", null),
        new("self-hosted", "INFO period", "10000 ms; 1000 ms during ODOWN/failover", "docs/sources.md §2.1 (sentinel.c)", null),
        new("self-hosted", "hello period", "2000 ms (configuration propagation)", "docs/sources.md §2.1 (sentinel.c sentinel_publish_period)", null),
        new("self-hosted", "is-master-down-by-addr period", "1000 ms; replies older than 5 s discarded", "docs/sources.md §2.1 (sentinel.c)", null),
        new("self-hosted", "leader election", "one vote per epoch; winner needs a majority of all Sentinels and >= quorum", "docs/sources.md §2.3 (sentinel.c sentinelGetLeader, sentinel.md)", null),

        // Redis Cluster (docs/sources.md §3), a cluster: scenario on the self-hosted path.
        new("self-hosted", "cluster-node-timeout", "15000 ms", "docs/sources.md §3.2 (config.c, redis.conf)", "cluster.cluster-node-timeout"),
        new("self-hosted", "cluster-require-full-coverage", "yes: one unserved slot stops every slot", "docs/sources.md §3.2 (config.c, clusterUpdateState)", "cluster.cluster-require-full-coverage"),
        new("self-hosted", "cluster-replica-validity-factor", "10 (0: a replica always tries)", "docs/sources.md §3.2, §3.4 (config.c, clusterHandleSlaveFailover)", "cluster.cluster-replica-validity-factor"),
        new("self-hosted", "cluster-allow-reads-when-down", "no (writes are refused while FAIL either way)", "docs/sources.md §3.2 (config.c, getNodeByQuery)", "cluster.cluster-allow-reads-when-down"),
        new("self-hosted", "cluster-replica-no-failover", "no", "docs/sources.md §3.2 (config.c)", "cluster.cluster-replica-no-failover"),
        new("self-hosted", "slots", "16384, CRC16/XMODEM of the key or its {hash tag}; redis-cli splits them in contiguous ranges", "docs/sources.md §3.1 (keyHashSlot, redis-cli.c)", null),
        new("self-hosted", "election timeout", "min(10000 ms, failover-timeout)", "docs/sources.md §2.1 (sentinel.c)", null),
        new("self-hosted", "failover start jitter", "uniform 0-1000 ms (SENTINEL_MAX_DESYNC)", "docs/sources.md §2.1, §2.3 (sentinel.c)", null),
        new("self-hosted", "replica selection", "exclude down/disconnected/priority 0/stale; then lowest priority, largest offset, smallest run id", "docs/sources.md §2.4 (sentinel.c sentinelSelectSlave)", null),
        new("self-hosted", "replica reconfiguration timeout", "10000 ms", "docs/sources.md §2.1 (sentinel.c sentinel_slave_reconf_timeout)", null),
        new("self-hosted", "client disconnection", "CLIENT KILL type normal on promotion, demotion and re-pointing", "docs/sources.md §1.3 (sentinel-clients.md)", null),

        // Network (docs/sources.md §8); the distribution shape is assumption A1.
        new("all", "same-AZ round trip", "about 0.45 ms (0.39-0.65 ms measured); modelled as a one-way median of 0.22 ms", "docs/sources.md §8 (us-east-1 ping, 2014)", "network.same-az-median"),
        new("all", "cross-AZ round trip", "about 1.3-2.1 ms (\"single-digit ms\"); modelled as a one-way median of 0.8 ms", "docs/sources.md §8 (AWS whitepaper; us-east-1 ping)", "network.cross-az-median"),
        new("all", "node egress bandwidth", "unlimited unless network.node-bandwidth is set; a node type's baseline is in prices/us-east-1.yaml (cache.r7g.large 0.937 Gbps; MemoryDB's db.r7g.large 0.937 Gbps baseline, 12.5 Gbps burst on network I/O credits); the queue it makes is assumption A160", "docs/sources.md §8.1 (ElastiCache supported node types)", "network.node-bandwidth"),

        // Clients: StackExchange.Redis (docs/sources.md §9).
        new("all", "client library", "StackExchange.Redis defaults", "docs/sources.md §9.2 (Configuration.md)", null),
        new("all", "command timeout (syncTimeout/asyncTimeout)", "5000 ms", "docs/sources.md §9.2 (Configuration.md)", "client.command-timeout"),
        new("all", "connect timeout", "5000 ms", "docs/sources.md §9.2 (Configuration.md)", "client.connect-timeout"),
        new("all", "heartbeat", "1000 ms (timeouts are noticed on it: 0-1 s slop)", "docs/sources.md §9.2 (Configuration.md)", null),
        new("all", "reconnect backoff", "random in [2500 ms, min(10000 ms, 2500 ms x 1.1^n)]", "docs/sources.md §9.2 (ExponentialRetry.cs)", "client.reconnect-base / client.reconnect-max"),
        new("self-hosted", "primary discovery", "ask each Sentinel (get-master-addr-by-name), then verify with ROLE; re-resolve on every reconnect", "docs/sources.md §9.1 (sentinel-clients.md)", null),
        new("elasticache, serverless, memorydb", "DNS TTL kept by clients", "5 s (AWS recommends 5-10 s)", "docs/sources.md §9.1 (BestPractices.Clients-lettuce.md)", "client.dns-ttl"),
    ];

    /// <summary>The defaults that apply to a path (or to all paths).</summary>
    public static IReadOnlyList<ModelDefault> For(string path) =>
        All.Where(d => d.Paths == "all" || d.Paths.Split(", ").Contains(path)).ToList();
}
