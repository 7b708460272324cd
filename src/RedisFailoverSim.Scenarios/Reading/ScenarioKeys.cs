namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>
/// The keys allowed at each place in a scenario file, in the order the messages list them.
/// scenarios/README.md documents each one; keep the two in step.
/// </summary>
internal static class ScenarioKeys
{
    public static readonly string[] TopLevel =
    [
        "name", "description", "seed", "paths", "topology", "workload", "faults", "network", "redis", "sentinel",
        "client", "run", "elasticache", "serverless", "memorydb", "expect", "month", "decide", "cluster",
    ];

    public static readonly string[] Topology = ["azs", "nodes", "sentinels", "clients"];

    public static readonly string[] Node = ["name", "az", "primary", "replica-priority"];

    public static readonly string[] SentinelMember = ["name", "az"];

    public static readonly string[] ClientMember = ["name", "az", "rate-multiplier", "client"];

    public static readonly string[] Workload = ["rate", "arrival", "duration", "value-size", "phases", "keys", "wait"];

    public static readonly string[] Wait = ["command", "every", "replicas", "timeout", "local"];

    public static readonly string[] Keys = ["count", "distribution", "skew", "hot-share"];

    public static readonly string[] Cluster =
    [
        "shards", "replicas-per-shard", "cluster-node-timeout", "cluster-require-full-coverage",
        "cluster-replica-validity-factor", "cluster-allow-reads-when-down", "cluster-replica-no-failover",
    ];

    public static readonly string[] Phase = ["at", "rate-multiplier", "ramp"];

    public static readonly string[] Fault =
        ["kind", "at", "duration", "target", "groups", "extra-latency", "rate-multiplier", "option", "loss-rate", "retransmit-after", "drop-rate"];

    public static readonly string[] Network = ["same-az-median", "same-az-sigma", "cross-az-median", "cross-az-sigma", "node-bandwidth"];

    public static readonly string[] Redis =
    [
        "min-replicas-to-write", "min-replicas-max-lag", "repl-backlog-size", "repl-timeout",
        "repl-ping-replica-period", "repl-diskless-sync-delay", "full-sync-rate", "base-dataset-size", "appendonly", "appendfsync", "save",
        "aof-fsync-time", "client-output-buffer-limit-replica",
    ];

    public static readonly string[] Sentinel = ["quorum", "down-after-milliseconds", "failover-timeout", "parallel-syncs"];

    public static readonly string[] Client = [.. Model.Catalog.ClientSettingsText.Keys];

    public static readonly string[] Run = ["convergence-bound", "audit"];

    public static readonly string[] Month =
        ["data-size-gb", "ops-average", "ops-peak", "shape", "active-hours-per-day", "read-fraction", "value-size", "engine"];

    public static readonly string[] Decide = ["tolerates-loss", "sre-capacity", "cost-sensitive", "engineer-cost-per-month"];

    /// <summary>Sections whose keys a misplaced key may belong to, for "'quorum' belongs under 'sentinel:'".</summary>
    private static readonly (string Section, string[] Keys)[] Sections =
    [
        ("topology", Topology),
        ("workload", Workload),
        ("network", Network),
        ("redis", Redis),
        ("sentinel", Sentinel),
        ("client", Client),
        ("run", Run),
        ("cluster", Cluster),
    ];

    /// <summary>The section a key belongs to when it is not allowed where it was written, or null.</summary>
    public static string? HomeOf(string key, string path)
    {
        foreach (var (section, keys) in Sections)
        {
            if (section != path && keys.Contains(key))
            {
                return section;
            }
        }

        return null;
    }
}
