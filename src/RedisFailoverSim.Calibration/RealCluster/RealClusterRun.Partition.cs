using System.Diagnostics;
using System.Globalization;
using RedisFailoverSim.Calibration.Real;
using RedisFailoverSim.Calibration.Resp;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Calibration.RealCluster;

/// <summary>
/// A partition of a real Redis Cluster: the fault's links are cut in the proxies at its time, and healed at
/// <c>at + duration</c>; meanwhile ROLE on every initial replica over its real port, every 10 ms, times the promotion.
/// </summary>
internal static partial class RealClusterRun
{
    private static readonly TimeSpan PartitionPollPeriod = TimeSpan.FromMilliseconds(10);

    // After the heal a promotion may still come (a replica whose election began before it); 5 s covers the
    // election's 500-999 ms delay and a retry.
    private const double LookAfterHealSeconds = 5;

    // After the heal the old primary learns the higher configEpoch from its first pong (the bus links reconnect within a
    // cron tick, 100 ms) and turns replica (clusterUpdateSlotsConfigWith, docs/sources.md §3.5); 30 s bounds that.
    private static readonly TimeSpan OnePrimaryBound = TimeSpan.FromSeconds(30);

    /// <summary>True for the faults a cluster run reproduces with its proxies.</summary>
    internal static bool IsPartition(FaultSpec fault) => fault.Kind is FaultKind.Isolate or FaultKind.Partition;

    /// <summary>
    /// Cuts the fault's links now, heals them at the fault's heal time, and returns the first initial replica that says
    /// <c>master</c> (seconds after the cut), looking until the heal plus 5 s.
    /// </summary>
    private static (double?, string?) Partition(
        ClusterProxies proxies, WorldSpec spec, List<(string Name, int Port, int BusPort)> nodes, RunClock clock, TextWriter progress, CancellationToken cancellation)
    {
        var cluster = spec.Cluster!;
        var fault = spec.Faults[0];
        var members = nodes.Select((n, i) => (n.Name, spec.Nodes[i].Az)).Concat(spec.Clients.Select(c => (c.Name, c.Az))).ToList();

        // "primary" as a target is shard 1's initial primary, the node the model's FaultInjector names too.
        var (links, label) = PartitionLinks.Of(fault, members, members[0]);
        var replicas = Enumerable.Range(0, nodes.Count).Where(i => i % cluster.NodesPerShard != 0).ToList();
        var connections = replicas.Select(i => RespConnection.Open(nodes[i].Port, TimeSpan.FromSeconds(5))).ToList();
        try
        {
            var sinceCut = Stopwatch.StartNew();
            proxies.Cuts.Cut(links);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label}: {links.Count} directed links cut at {clock.Seconds:0.000} s"));
            double healAt = fault.HealsAt!.Value.TotalSeconds;
            bool healed = false;
            (double?, string?) promotion = (null, null);
            while (clock.Seconds < healAt + LookAfterHealSeconds)
            {
                cancellation.ThrowIfCancellationRequested();
                if (!healed && clock.Seconds >= healAt)
                {
                    proxies.Cuts.Heal(links);
                    healed = true;
                    progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  healed at {clock.Seconds:0.000} s"));
                }

                for (int r = 0; r < replicas.Count && promotion.Item1 is null; r++)
                {
                    if (connections[r].Call("ROLE") is object?[] { Length: > 0 } role && role[0] as string == "master")
                    {
                        promotion = (Math.Round(sinceCut.Elapsed.TotalSeconds, 3), nodes[replicas[r]].Name);
                    }
                }

                if (promotion.Item1 is not null && healed)
                {
                    break;
                }

                Thread.Sleep(PartitionPollPeriod);
            }

            if (!healed)
            {
                proxies.Cuts.Heal(links);
            }

            return promotion;
        }
        finally
        {
            connections.ForEach(c => c.Dispose());
        }
    }

    /// <summary>
    /// Waits until every shard has exactly one node saying <c>master</c>: after the heal the old primary turns replica
    /// only once it hears of the promotion, and the final dataset is the shard primaries' sets.
    /// </summary>
    private static void WaitOnePrimaryPerShard(List<(string Name, int Port, int BusPort)> nodes, ClusterSpec cluster, CancellationToken cancellation)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var masters = new int[cluster.Shards];
            for (int i = 0; i < nodes.Count; i++)
            {
                masters[cluster.NodeShards[i]] += RealClusterSetup.IsMaster(nodes[i].Port) ? 1 : 0;
            }

            if (masters.All(m => m == 1))
            {
                return;
            }

            if (waited.Elapsed > OnePrimaryBound)
            {
                throw new CalibrationSetupException($"the cluster did not settle on one primary per shard within {OnePrimaryBound.TotalSeconds:0} s of the workload's end (primaries per shard: {string.Join(", ", masters)})");
            }

            Thread.Sleep(100);
        }
    }

    /// <summary>The report's notes on a partitioned run's proxies: connections no proxy could attribute are never cut.</summary>
    private static List<string> ProxyNotes(int run, ClusterProxies proxies, ClusterWorkload workload)
    {
        int unidentified = proxies.UnidentifiedConnections;
        int unmapped = workload.UnmappedConnections;
        return unidentified == 0 && unmapped == 0
            ? []
            : [$"real run {run}: {unidentified} proxied connections of unknown source and {unmapped} client connections outside the tunnels (never cut)"];
    }
}
