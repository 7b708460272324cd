namespace RedisFailoverSim.Model.Catalog;

/// <summary>
/// The documented defaults of the AWS paths (docs/sources.md §4 ElastiCache, §5 Serverless, §6 MemoryDB, §4.5, §1.7), for
/// <c>rfsim explain</c> and the report, in the form of <see cref="ModelDefault"/>. Undocumented choices are in
/// <see cref="Assumptions"/> (A15–A35). Scenario keys are the kebab-case keys of the path blocks.
/// </summary>
public static class AwsPathDefaults
{
    /// <summary>All documented defaults of the three AWS paths, grouped by path.</summary>
    public static IReadOnlyList<ModelDefault> All { get; } =
    [
        // ElastiCache node-based (docs/sources.md §4).
        new("elasticache", "unplanned Multi-AZ failover, end to end", "~27 s measured (FIS AZ power interruption), 'about 30 s', range 15-30 s; promotion alone 'a few seconds' (calibration target of A16-A18)", "docs/sources.md §4.1 (FIS PR #30, AWS blog, AutoFailover.md)", null),
        new("elasticache", "replica promoted", "the replica with the least replication lag", "docs/sources.md §4.2 (AutoFailover.md)", null),
        new("elasticache", "failover sequence", "failed primary taken offline, replica promoted, primary endpoint DNS re-pointed, replacement launched in the failed AZ", "docs/sources.md §4.2 (AutoFailover.md)", null),
        new("elasticache", "replacement in an AZ failure", "only once the AZ is back", "docs/sources.md §4.2 (AutoFailover.md; FIS action)", null),
        new("elasticache", "customer reboot of the primary", "no automatic failover; the node comes back empty and its replicas clear their copy", "docs/sources.md §4.2, §1.2 (AutoFailover.md)", null),
        new("elasticache", "close-on-slave-write", "yes: a write to a demoted node closes the connection", "docs/sources.md §4.2 (ParameterGroups.Redis.md)", "elasticache.close-on-slave-write"),
        new("elasticache", "planned node replacement", "coordinated failover: no or a brief write interruption, no loss", "docs/sources.md §4.1, §1.7 (AutoFailover.md, failover.md)", null),
        new("elasticache", "coordinated failover timeout", "5000 ms (CLUSTER_MF_TIMEOUT)", "docs/sources.md §1.7 (cluster_legacy.h)", "elasticache.planned-failover-timeout"),
        new("elasticache", "durability", "disabled (Valkey 9.0's default); sync: acknowledged after the Multi-AZ log holds the write in >= 2 AZs, none lost; async: acknowledged before, up to the last 10 s lost", "docs/sources.md §4.5, §4.8 (Durability.Options.html, Durability.Configuring)", "elasticache.durability"),
        new("elasticache", "async durability buffer", "writes rejected (cluster-down error) while the oldest write the log does not hold is older than 10 s", "docs/sources.md §4.8 (Durability.Options.html, Durability.Monitoring.html)", "elasticache.durability"),
        new("elasticache", "engine-version", "valkey-9.0; durability needs Valkey 9.0 or later", "docs/sources.md §4.5, §4.8 (durability.html)", "elasticache.engine-version"),
        new("elasticache", "failover with cluster mode enabled", "by the Redis cluster itself: it detects the failed primary and promotes a replica, 'about 30 seconds'", "docs/sources.md §4.9, §4.1 (AWS blog, Briskman)", null),
        new("elasticache", "cluster-require-full-coverage (cluster mode enabled)", "no: a shard failing over stops only its own slots, the other shards keep serving", "docs/sources.md §4.9 (ParameterGroups.Redis.md)", "cluster.cluster-require-full-coverage"),
        new("elasticache", "client endpoint (cluster mode enabled)", "the configuration endpoint, with a client that supports Redis Cluster", "docs/sources.md §4.9 (Endpoints.html)", null),
        new("elasticache", "repl-timeout, repl-backlog-size, min-replicas-*", "as Redis: 60 s (fixed), 1 MB, 0 / 10 s", "docs/sources.md §1.1, §1.2, §1.5 (ParameterGroups.Redis.md)", "redis.*"),
        new("elasticache", "client-output-buffer-limit replica", "node-type specific, not modifiable; the values were not read: Redis's 256mb 64mb 60 (A183)", "docs/sources.md §8.1 (ParameterGroups.Redis.md)", "redis.client-output-buffer-limit-replica"),

        // ElastiCache Serverless (docs/sources.md §5).
        new("serverless", "capacity of a new cache", "30,000 ECPU/s (empty cache)", "docs/sources.md §5 (Scaling.html)", "serverless.initial-ecpu-per-second"),
        new("serverless", "scaling rate", "supported RPS doubles every 2-3 minutes", "docs/sources.md §5 (Valkey 8.0 engine notes)", "serverless.doubling-period"),
        new("serverless", "maximum ECPU/s", "configurable; beyond it requests are throttled; default 5,000,000 ('0 to 5M RPS per cache')", "docs/sources.md §5 (Scaling.html)", "serverless.max-ecpu-per-second"),
        new("serverless", "ECPU per request", "1 ECPU per KB transferred, at least 1 per request", "docs/sources.md §5 (AWS pricing text)", null),
        new("serverless", "minimum metered storage", "1 GB (Redis OSS); 100 MB (Valkey)", "docs/sources.md §5 (pricing text)", "serverless.minimum-storage-gb"),
        new("serverless", "data placement", "replicated across three AZs, behind a proxy fleet", "docs/sources.md §5 (WhatIs.deployment, architecture talk)", null),
        new("serverless", "most one slot serves", "30,000 ECPU/s (90,000 with reads from replicas), however far the cache scales", "docs/sources.md §5, §5.2 (Scaling.html)", null),
        new("serverless", "scaling out", "adds a shard and moves data to it without downtime (with a cluster: section, from the warm pool)", "docs/sources.md §5, §5.2 (Scaling.html)", "serverless.warm-shards"),
        new("serverless", "WAIT, WAITAOF", "refused: 'wait' is on the commands unavailable for serverless caches, and WAITAOF is not among those they support; workload.wait is rejected on serverless", "docs/sources.md §5.3 (SupportedCommands.html)", "workload.wait"),

        // MemoryDB (docs/sources.md §6, §4.5).
        new("memorydb", "write acknowledgement", "only after the Multi-AZ transaction log committed it", "docs/sources.md §6 (consistency.html)", null),
        new("memorydb", "write latency", "single-digit milliseconds (reads: microseconds)", "docs/sources.md §6 (MemoryDB FAQ)", null),
        new("memorydb", "failover", "to a replica consistent with the log; no data lost in node replacements or failover", "docs/sources.md §6 (autofailover.html)", null),
        new("memorydb", "single-node shard", "writes stop until the primary is replaced and re-synced", "docs/sources.md §6 (faulttolerance.html)", null),
        new("memorydb", "log quorum", "persisted across >= 2 AZs (the log-backed durability of ElastiCache, same design)", "docs/sources.md §4.5 (Durability.Options.html)", "memorydb.log-quorum"),
        new("memorydb", "WAIT, WAITAOF", "not on MemoryDB's restricted-command list, but no page says what they answer on replicas that follow the log (UNCONFIRMED), and a write is acknowledged only once the log holds it: workload.wait is rejected on memorydb", "docs/sources.md §6.4 (restrictedcommands.html, consistency.html)", "workload.wait"),
    ];

    /// <summary>The defaults that apply to a path.</summary>
    public static IReadOnlyList<ModelDefault> For(string path) =>
        All.Where(d => d.Paths.Split(", ").Contains(path)).ToList();
}
