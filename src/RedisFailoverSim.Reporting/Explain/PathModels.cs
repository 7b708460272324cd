namespace RedisFailoverSim.Reporting.Explain;

/// <summary>
/// Each deployment path's model in words (the README's path table, in more detail), for
/// <c>rfsim explain</c> and the report's "the scenario in words" section.
/// </summary>
public static class PathModels
{
    /// <summary>A short paragraph saying what the model of <paramref name="path"/> does, or null for an unknown path.</summary>
    public static string? Describe(string path) => path switch
    {
        "elasticache" =>
            "ElastiCache, node-based, cluster mode disabled, Multi-AZ with automatic failover. The primary "
            + "replicates asynchronously to its replicas and acknowledges a write before any replica has it. A "
            + "managed control plane, outside the data plane, detects a failed primary and promotes the replica "
            + "with the most data; clients follow the primary endpoint, a DNS name with a TTL, so they keep "
            + "writing to the old address until they re-resolve. A planned node replacement is a graceful "
            + "failover: a brief write blip and no loss.",
        "serverless" =>
            "ElastiCache Serverless. Clients talk to a proxy endpoint; behind it sit sharded, asynchronously "
            + "replicated nodes, so durability is the same as node-based ElastiCache. Capacity follows the load "
            + "at a finite rate: a burst above the current capacity queues or is throttled until capacity has "
            + "scaled. Usage is counted in GB-hours of data stored and ECPUs. A failed shard primary is replaced behind "
            + "the proxy: the proxy holds the writes for that shard, keeps the clients' connections and re-sends the "
            + "writes to the new primary once the route changes (at least once), answering an error after "
            + "serverless.proxy-hold (30 s); AWS calls this failover transparent and documents no mechanism, so the "
            + "holding, the re-send and the bound are assumptions (A169, A170). A client whose command timeout is shorter "
            + "than the failover still counts those writes unknown.",
        "memorydb" =>
            "Amazon MemoryDB. A write is acknowledged only after it is committed to a Multi-AZ transaction log "
            + "(a quorum of AZs). Replicas replay the log, and a failover promotes a replica only once it has "
            + "caught up with the log, so acknowledged writes survive a primary crash. The log has a replica in "
            + "each AZ and commits once 2 of the 3 hold a write: a slow AZ other than the primary's is skipped, and "
            + "only the clients in that AZ see their own round trip slowed; a slow primary AZ, or two slow log "
            + "replicas, slow every commit (P99 rises, nothing is lost). A primary that cannot reach a log quorum "
            + "cannot acknowledge writes: it holds them until the log answers or the client times out.",
        "self-hosted" =>
            "Redis OSS / Valkey on EC2 with Sentinel. The primary replicates asynchronously. Sentinels ping every "
            + "node, mark it subjectively down (SDOWN) after down-after-milliseconds, agree it is objectively "
            + "down (ODOWN) when quorum Sentinels say so, elect a leader by epoch with a majority of all "
            + "Sentinels, promote the best replica (priority, then replication offset, then run id) and "
            + "reconfigure the others. An AZ partition can leave the old primary accepting writes from the "
            + "clients on its side: split brain. When the partition heals the old primary becomes a replica and "
            + "its divergent writes are discarded. min-replicas-to-write / min-replicas-max-lag bound that window.",
        _ => null,
    };

    /// <summary>The self-hosted path's model when the scenario has a <c>cluster:</c> section.</summary>
    public static string SelfHostedCluster =>
        "Redis OSS on EC2 as a Redis Cluster, no Sentinel. Each shard's primary replicates asynchronously. Every "
        + "node pings its peers over the cluster bus, flags a peer PFAIL when a ping waits longer than "
        + "cluster-node-timeout, and FAIL once a majority of the primaries report it; a replica of a failed primary "
        + "waits 500-999 ms plus 1000 ms per better-placed sibling, wins the votes of a majority of the primaries and "
        + "takes the slots with a new configEpoch. A primary that cannot reach a majority of the primaries turns its "
        + "cluster state FAIL after about the node timeout and answers -CLUSTERDOWN; at the heal it sees the larger "
        + "configEpoch, becomes a replica and its divergent writes are discarded. Clients hold a connection per "
        + "shard and follow -MOVED.";

    /// <summary>The ElastiCache path's model when the scenario has a <c>cluster:</c> section (cluster mode enabled).</summary>
    public static string ElastiCacheCluster =>
        "ElastiCache, node-based, cluster mode enabled, Multi-AZ. The shards run the same Redis Cluster as the "
        + "self-hosted cluster: the cluster bus itself detects a failed primary (PFAIL after cluster-node-timeout, FAIL "
        + "once a majority of the primaries report it) and a replica wins the primaries' votes and takes the slots, so "
        + "a shard fails over in about node-timeout plus a few seconds, not at the cluster-mode-disabled control plane's "
        + "pace. ElastiCache's own defaults apply: cluster-require-full-coverage no, so the other shards keep writing "
        + "while one fails over (cluster-node-timeout is not published: 15000 ms assumed, A140). The managed control "
        + "plane, outside the data plane, promotes nobody: per shard it takes a primary it declared failed while it "
        + "still ran offline (fencing, A19, A141) and replaces failed nodes with new replicas in their own AZ once the "
        + "AZ has power. Clients resolve the configuration endpoint, ask a node for CLUSTER SLOTS, hold a connection "
        + "per shard and follow -MOVED.";

    /// <summary>The MemoryDB path's model when the scenario has a <c>cluster:</c> section (A150, A151).</summary>
    public static string MemoryDbCluster =>
        "Amazon MemoryDB with several shards. Each shard is a primary and replicas on its own Multi-AZ transaction "
        + "log: a write is acknowledged once a quorum of that shard's log holds it, and when a shard's primary fails "
        + "a replica wins that log's leadership after the lease and catches up with the log before it takes writes. "
        + "Every node answers CLUSTER SLOTS with each shard's log leader and redirects other shards' writes with "
        + "-MOVED; clients hold a connection per shard. Shards share nothing, so one shard's failover does not stop "
        + "the others' writes.";

    /// <summary>The Serverless path's model when the scenario has a <c>cluster:</c> section (A152, A153, A161-A163).</summary>
    public static string ServerlessCluster =>
        "ElastiCache Serverless with the scenario's shards behind its proxies. The proxies own every slot for the "
        + "clients and send each write to the shard serving its slot; each shard's primary replicates asynchronously "
        + "and has its own managed failover behind the proxy, so one shard's failover does not stop the others' "
        + "writes. Capacity is the cache's, scaling at a finite rate; with serverless.warm-shards each capacity "
        + "doubling takes a warm shard and migrates slots to it, the proxies following -ASK and -MOVED (A161, A162); "
        + "each slot serves at most 30,000 ECPU/s (A163).";

    /// <summary>The model of <paramref name="path"/> for a run's result (a cluster run says so).</summary>
    public static string? Describe(string path, bool cluster) => cluster
        ? path switch
        {
            "self-hosted" => SelfHostedCluster,
            "memorydb" => MemoryDbCluster,
            "elasticache" => ElastiCacheCluster,
            "serverless" => ServerlessCluster,
            _ => Describe(path),
        }
        : Describe(path);
}
