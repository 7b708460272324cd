using System.Globalization;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Calibration.Cluster;

/// <summary>
/// The configuration files of a real run. Nodes listen on their real port and announce their front (proxy) port;
/// replicas follow the primary's front port; Sentinels monitor the primary's front port and announce their own.
/// So every node-to-node, Sentinel-to-node and Sentinel-to-Sentinel connection crosses the target's proxy.
/// </summary>
internal static class ConfigFiles
{
    /// <summary>The master name Sentinel monitors (the model's, <c>mymaster</c>).</summary>
    public const string MasterName = "mymaster";

    /// <summary>A node's redis.conf.</summary>
    public static string Node(ServerMember node, NodeSpec spec, RedisSettings redis, ServerMember? primary, string directory)
    {
        var lines = new List<string>
        {
            "bind 127.0.0.1",
            "port " + Int(node.RealPort),
            "daemonize no",
            "dir " + directory,
            "logfile " + Path.Combine(directory, node.Name + ".log"),
            "dbfilename " + node.Name + ".rdb",
            "replica-announce-ip 127.0.0.1",
            "replica-announce-port " + Int(node.FrontPort),
            "replica-priority " + Int(spec.ReplicaPriority),
            "min-replicas-to-write " + Int(redis.MinReplicasToWrite),
            "min-replicas-max-lag " + Seconds(redis.MinReplicasMaxLag.TotalSeconds),
            "repl-backlog-size " + redis.ReplBacklogBytes.ToString(CultureInfo.InvariantCulture),
            "repl-timeout " + Seconds(redis.ReplTimeout.TotalSeconds),
            "repl-ping-replica-period " + Seconds(redis.ReplPingReplicaPeriod.TotalSeconds),
            "repl-diskless-sync-delay " + WholeSeconds(redis.ReplDisklessSyncDelay.TotalSeconds),
        };

        // No persistence unless the scenario asks for it: the documented wipe hazard on restart (docs/sources.md §1.2).
        var disk = redis.Persistence;
        lines.Add(disk.Save.Count == 0 ? "save \"\"" : "save \"" + disk.Describe()["save ".Length..] + "\"");
        lines.AddRange(disk.AppendOnly
            ? ["appendonly yes", "appendfsync " + disk.AppendFsync.ToString().ToLowerInvariant(), "appendfilename " + node.Name + ".aof"]
            : ["appendonly no"]);
        if (primary is not null)
        {
            lines.Add("replicaof 127.0.0.1 " + Int(primary.FrontPort));
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>A Sentinel's sentinel.conf (Sentinel rewrites it, so it lives in the run's folder).</summary>
    public static string Sentinel(ServerMember sentinel, SentinelSettings settings, ServerMember primary, string directory)
    {
        var lines = new List<string>
        {
            "bind 127.0.0.1",
            "port " + Int(sentinel.RealPort),
            "daemonize no",
            "dir " + directory,
            "logfile " + Path.Combine(directory, sentinel.Name + ".log"),
            "sentinel announce-ip 127.0.0.1",
            "sentinel announce-port " + Int(sentinel.FrontPort),
            $"sentinel monitor {MasterName} 127.0.0.1 {Int(primary.FrontPort)} {Int(settings.Quorum)}",
            $"sentinel down-after-milliseconds {MasterName} {Milliseconds(settings.DownAfter.TotalMilliseconds)}",
            $"sentinel failover-timeout {MasterName} {Milliseconds(settings.FailoverTimeout.TotalMilliseconds)}",
            $"sentinel parallel-syncs {MasterName} {Int(settings.ParallelSyncs)}",
        };
        return string.Join('\n', lines) + "\n";
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Milliseconds(double value) => ((long)Math.Round(value)).ToString(CultureInfo.InvariantCulture);

    private static string WholeSeconds(double value) => Math.Max(0L, (long)Math.Ceiling(value)).ToString(CultureInfo.InvariantCulture);

    // Redis takes whole seconds for these; a sub-second setting rounds up so it never becomes 0 (= off).
    private static string Seconds(double value) => Math.Max(1L, (long)Math.Ceiling(value)).ToString(CultureInfo.InvariantCulture);
}
