using System.Globalization;
using System.Reflection;
using System.Text;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;

namespace RedisFailoverSim.Reporting.Report;

/// <summary>
/// The value a scenario key had in this run, read from the world, so the report's defaults and assumptions tables
/// say what was in force, not only what the default is. Keys are the catalogue's parameters, which are the scenario
/// keys (<c>sentinel.down-after-milliseconds</c>); several keys joined by " / " give their values joined the same way.
/// </summary>
internal static class SettingsInForce
{
    /// <summary>
    /// The value of <paramref name="parameter"/> in <paramref name="world"/>, or null when not known here. A
    /// <c>cluster.*</c> key of an entry that applies to ElastiCache alone (<paramref name="paths"/>) is ElastiCache's
    /// value, which differs from Redis OSS's where the scenario left the key out.
    /// </summary>
    public static string? Value(string? parameter, WorldSpec? world, string? paths = null)
    {
        if (parameter is null || world is null)
        {
            return null;
        }

        var parts = parameter.Split(" / ", StringSplitOptions.TrimEntries);
        var section = parts[0].Split('.')[0];
        var values = parts.Select(p => One(p.Contains('.', StringComparison.Ordinal) ? p : section + "." + p, world, paths)).ToList();
        return values.All(v => v is not null) ? string.Join(" / ", values) : null;
    }

    private static string? One(string key, WorldSpec world, string? paths)
    {
        if (key.StartsWith("cluster.", StringComparison.Ordinal))
        {
            return world.Cluster is { } cluster ? ClusterKey(key, DeploymentPaths.ClusterSettingsOf(paths ?? DeploymentPaths.SelfHosted, cluster)) : null;
        }

        var r = world.Redis;
        var s = world.Sentinel;
        var c = world.Client;
        var n = world.Network;
        return key switch
        {
            "redis.repl-ping-replica-period" => Seconds(r.ReplPingReplicaPeriod),
            "redis.repl-timeout" => Seconds(r.ReplTimeout),
            "redis.repl-backlog-size" => Bytes(r.ReplBacklogBytes),
            "redis.client-output-buffer-limit-replica" => r.ReplicaOutputBufferLimit.Describe(),
            "redis.repl-diskless-sync-delay" => Seconds(r.ReplDisklessSyncDelay),
            "redis.appendonly" => r.Persistence.AppendOnly ? "yes" : "no",
            "redis.appendfsync" => r.Persistence.AppendFsync.ToString().ToLowerInvariant(),
            "redis.aof-fsync-time" => Ms(r.Persistence.FsyncTime),
            "redis.save" => r.Persistence.Save.Count == 0 ? "\"\"" : r.Persistence.Describe()["save ".Length..],
            "redis.min-replicas-to-write" => Count(r.MinReplicasToWrite),
            "redis.min-replicas-max-lag" => Seconds(r.MinReplicasMaxLag),
            "redis.full-sync-rate" => Bytes(r.FullSyncBytesPerSecond) + "/s",
            "redis.base-dataset-size" => Bytes(r.BaseDatasetBytes),
            "nodes[].replica-priority" => string.Join(", ", world.Nodes.Select(x => $"{x.Name} {x.ReplicaPriority}")),
            "sentinel.down-after-milliseconds" => Ms(s.DownAfter),
            "sentinel.failover-timeout" => Ms(s.FailoverTimeout),
            "sentinel.parallel-syncs" => Count(s.ParallelSyncs),
            "sentinel.quorum" => Count(s.Quorum),
            "network.same-az-median" => Ms(n.SameAzMedian),
            "network.cross-az-median" => Ms(n.CrossAzMedian),
            "network.same-az-sigma" => Number(n.SameAzSigma),
            "network.cross-az-sigma" => Number(n.CrossAzSigma),
            "network.node-bandwidth" => n.NodeBandwidthBitsPerSecond == 0 ? "unlimited" : $"{Number(n.NodeBandwidthBitsPerSecond / 1e9)} Gbps",
            "workload.value-size" => $"{Count(world.Workload.ValueBytes)} B",
            "workload.wait" => world.Workload.Wait?.Describe() ?? "none",
            "client.command-timeout" => Ms(c.CommandTimeout),
            "client.connect-timeout" => Ms(c.ConnectTimeout),
            "client.reconnect-base" => Ms(c.ReconnectBase),
            "client.reconnect-max" => Ms(c.ReconnectMax),
            "client.sentinel-timeout" => Ms(c.SentinelTimeout),
            "client.heartbeat" => Ms(c.Heartbeat),
            "client.dns-ttl" => Seconds(c.DnsTtl),
            "client.backlog-per-node" => c.BacklogPerNode ? "true" : "false",
            "client.unconnected-slot" => c.UnconnectedSlot == UnconnectedSlot.AnyPrimary ? "any-primary" : "wait",
            "client.connect-to-every-node" => c.ConnectToEveryNode ? "true" : "false",
            _ when key.StartsWith("client.", StringComparison.Ordinal) && ClientSettingsText.Keys.Contains(key[7..])
                => ClientSettingsText.Value(c, key[7..]),
            _ => PathBlock(key, world.Paths),
        };
    }

    /// <summary>
    /// An AWS path block's key (<c>elasticache.promotion-time</c>), read from the typed settings record by the
    /// key's PascalCase name; null when the record has no such property.
    /// </summary>
    private static string? PathBlock(string key, PathSettings paths)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        object? block = dot < 0 ? null : key[..dot] switch
        {
            ElastiCacheSettings.BlockName => paths.ElastiCache,
            ServerlessSettings.BlockName => paths.Serverless,
            MemoryDbSettings.BlockName => paths.MemoryDb,
            _ => null,
        };
        // Redis's own word for a key whose record property uses today's ("replica").
        var name = key[(dot + 1)..] == "close-on-slave-write" ? "CloseOnReplicaWrite" : Pascal(key[(dot + 1)..]);
        var property = block?.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        return property?.GetValue(block) switch
        {
            SimDuration d => Ms(d),
            bool b => b ? "yes" : "no",
            double x => Number(x),
            int i => Count(i),
            long l => Count(l),
            Enum e => Kebab(e.ToString()),
            EngineVersion v => v.ToString(),
            _ => null,
        };
    }

    private static string? ClusterKey(string key, ClusterSettings c) => key switch
    {
        "cluster.cluster-node-timeout" => Ms(c.NodeTimeout),
        "cluster.cluster-require-full-coverage" => c.RequireFullCoverage ? "yes" : "no",
        "cluster.cluster-replica-validity-factor" => Count(c.ReplicaValidityFactor),
        "cluster.cluster-allow-reads-when-down" => c.AllowReadsWhenDown ? "yes" : "no",
        "cluster.cluster-replica-no-failover" => c.ReplicaNoFailover ? "yes" : "no",
        _ => null,
    };

    private static string Pascal(string kebab) =>
        string.Concat(kebab.Split('-').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Kebab(string pascal)
    {
        var text = new StringBuilder();
        foreach (var ch in pascal)
        {
            if (char.IsUpper(ch) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(ch));
        }

        return text.ToString();
    }

    private static string Ms(SimDuration d) => Number(d.TotalMilliseconds) + " ms";

    private static string Seconds(SimDuration d) => Number(d.TotalSeconds) + " s";

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Bytes(long bytes) => bytes % (1024 * 1024) == 0
        ? Count(bytes / (1024 * 1024)) + " MB"
        : Count(bytes) + " B";
}
