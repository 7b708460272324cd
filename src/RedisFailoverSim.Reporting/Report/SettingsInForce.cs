using System.Globalization;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Reporting.Report;

/// <summary>
/// The value a scenario key had in this run, read from the world, so the report's defaults and assumptions tables
/// say what was in force, not only what the default is. Keys follow <c>ModelDefaults</c> and <c>Assumptions</c>.
/// </summary>
internal static class SettingsInForce
{
    /// <summary>The value of <paramref name="parameter"/> in <paramref name="world"/>, or null when not known here.</summary>
    public static string? Value(string? parameter, WorldSpec? world)
    {
        if (parameter is null || world is null)
        {
            return null;
        }

        var r = world.Redis;
        var s = world.Sentinel;
        var c = world.Client;
        var n = world.Network;
        return parameter switch
        {
            "redis.repl_ping_replica_period_s" => Seconds(r.ReplPingReplicaPeriod),
            "redis.repl_timeout_s" => Seconds(r.ReplTimeout),
            "redis.repl_backlog_bytes" => Bytes(r.ReplBacklogBytes),
            "redis.repl_diskless_sync_delay_s" => Seconds(r.ReplDisklessSyncDelay),
            "redis.persistence" => r.Persistence ? "on" : "off",
            "redis.min_replicas_to_write" => Count(r.MinReplicasToWrite),
            "redis.min_replicas_max_lag_s" => Seconds(r.MinReplicasMaxLag),
            "redis.full_sync_mb_per_s" => Bytes(r.FullSyncBytesPerSecond) + "/s",
            "redis.base_dataset_mb" => Bytes(r.BaseDatasetBytes),
            "nodes[].replica_priority" => string.Join(", ", world.Nodes.Select(x => $"{x.Name} {x.ReplicaPriority}")),
            "sentinel.down_after_ms" => Ms(s.DownAfter),
            "sentinel.failover_timeout_ms" => Ms(s.FailoverTimeout),
            "sentinel.parallel_syncs" => Count(s.ParallelSyncs),
            "sentinel.quorum" => Count(s.Quorum),
            "network.same_az_median_ms" => Ms(n.SameAzMedian),
            "network.cross_az_median_ms" => Ms(n.CrossAzMedian),
            "network.same_az_median_ms / cross_az_median_ms / *_sigma" =>
                $"{Ms(n.SameAzMedian)} / {Ms(n.CrossAzMedian)} / {Number(n.SameAzSigma)}, {Number(n.CrossAzSigma)}",
            "workload.value_bytes" => $"{Count(world.Workload.ValueBytes)} B + 40 B",
            "client.command_timeout_ms" => Ms(c.CommandTimeout),
            "client.connect_timeout_ms" => Ms(c.ConnectTimeout),
            "client.reconnect_base_ms / client.reconnect_max_ms" => $"{Ms(c.ReconnectBase)} / {Ms(c.ReconnectMax)}",
            "client.sentinel_timeout_ms" => Ms(c.SentinelTimeout),
            "client.heartbeat" => Ms(c.Heartbeat),
            "client.dns_ttl_s" => Seconds(c.DnsTtl),
            _ => null,
        };
    }

    private static string Ms(SimDuration d) => Number(d.TotalMilliseconds) + " ms";

    private static string Seconds(SimDuration d) => Number(d.TotalSeconds) + " s";

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Bytes(long bytes) => bytes % (1024 * 1024) == 0
        ? Count(bytes / (1024 * 1024)) + " MB"
        : Count(bytes) + " B";
}
