using System.Diagnostics;
using System.Globalization;
using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Resp;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// When a real run may read its final dataset, with the model's definition (Convergence.cs): exactly one live
/// primary; every other live node a replica of it with its link up and the same offset; every live Sentinel
/// advertising it with no failover in progress.
/// </summary>
internal static class RealConvergence
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>Waits (bounded) for convergence; returns the primary, or null with what was missing.</summary>
    public static (ServerMember? Primary, string Missing) Wait(LocalCluster cluster, TimeSpan bound, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string missing = "not checked";
        while (clock.Elapsed < bound && !cancellationToken.IsCancellationRequested)
        {
            var (primary, why) = Check(cluster);
            if (primary is not null)
            {
                return (primary, string.Empty);
            }

            missing = why;
            cancellationToken.WaitHandle.WaitOne(PollPeriod);
        }

        return (null, missing);
    }

    /// <summary>The primary most live Sentinels advertise, if it runs; else any live node reporting role:master.</summary>
    public static ServerMember? CurrentPrimary(LocalCluster cluster)
    {
        var advertised = cluster.Sentinels
            .Where(s => s.IsLive)
            .Select(s => LocalCluster.TryCall(s, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", ConfigFiles.MasterName))
            .OfType<object?[]>()
            .Where(a => a.Length == 2 && a[1] is string)
            .Select(a => int.Parse((string)a[1]!, CultureInfo.InvariantCulture))
            .GroupBy(p => p)
            .OrderByDescending(g => g.Count())
            .Select(g => cluster.NodeByFrontPort(g.Key))
            .FirstOrDefault();
        if (advertised is { IsLive: true })
        {
            return advertised;
        }

        return cluster.Nodes.FirstOrDefault(n => n.IsLive
            && RespConnection.ParseInfo(LocalCluster.TryCall(n, "INFO", "replication")).GetValueOrDefault("role") == "master");
    }

    private static (ServerMember? Primary, string Missing) Check(LocalCluster cluster)
    {
        var live = cluster.Nodes.Where(n => n.IsLive).ToList();
        var infos = live.ToDictionary(n => n, n => RespConnection.ParseInfo(LocalCluster.TryCall(n, "INFO", "replication")));
        var primaries = live.Where(n => infos[n].GetValueOrDefault("role") == "master").ToList();
        if (primaries.Count != 1)
        {
            return (null, $"{primaries.Count} live primaries ({string.Join(",", primaries.Select(p => p.Name))})");
        }

        var primary = primaries[0];
        string offset = infos[primary].GetValueOrDefault("master_repl_offset", "?");
        foreach (var node in live.Where(n => n != primary))
        {
            var info = infos[node];
            if (info.GetValueOrDefault("role") != "slave"
                || info.GetValueOrDefault("master_port") != primary.FrontPort.ToString(CultureInfo.InvariantCulture)
                || info.GetValueOrDefault("master_link_status") != "up"
                || info.GetValueOrDefault("slave_repl_offset") != offset)
            {
                return (null, $"{node.Name} is not in sync with {primary.Name} (role {info.GetValueOrDefault("role", "?")}, link {info.GetValueOrDefault("master_link_status", "?")}, offset {info.GetValueOrDefault("slave_repl_offset", "?")} of {offset})");
            }
        }

        foreach (var sentinel in cluster.Sentinels.Where(s => s.IsLive))
        {
            var master = RespConnection.ParsePairs(LocalCluster.TryCall(sentinel, "SENTINEL", "MASTER", ConfigFiles.MasterName));
            if (master.GetValueOrDefault("port") != primary.FrontPort.ToString(CultureInfo.InvariantCulture)
                || master.GetValueOrDefault("flags") != "master")
            {
                return (null, $"{sentinel.Name} advertises port {master.GetValueOrDefault("port", "?")} with flags {master.GetValueOrDefault("flags", "?")}, not {primary.Name}");
            }
        }

        return (primary, string.Empty);
    }
}
