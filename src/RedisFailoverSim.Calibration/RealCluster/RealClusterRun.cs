using System.Diagnostics;
using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Processes;
using RedisFailoverSim.Calibration.Real;
using RedisFailoverSim.Calibration.Resp;
using RedisFailoverSim.Calibration.Results;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Calibration.RealCluster;

/// <summary>What one real cluster run measured.</summary>
/// <param name="Metrics">Promotion (fault → a replica of the shard says <c>master</c> in ROLE) and, with clients, the
/// writes' counts, latencies and client-observed failover.</param>
/// <param name="ProbeRoundTripsMs">PING round trips to the shard's primary before the fault, ms (the test bed's network).</param>
/// <param name="Reasons">Why writes failed or were unknown, with counts.</param>
internal sealed record RealClusterOutcome(RunMetrics Metrics, IReadOnlyList<double> ProbeRoundTripsMs, IReadOnlyDictionary<string, int> Reasons)
{
    /// <summary>What the report should say about this run's proxies (empty without a partition).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// One real Redis Cluster run on 127.0.0.1 (<see cref="RealClusterSetup"/>), the fault's time after the state turned
/// ok and every replica synced: <c>kill -9</c> of a crashed primary, then ROLE on its shard's replicas every 10 ms (the
/// replica's own failover takes seconds); or <c>CLUSTER FAILOVER [FORCE|TAKEOVER]</c> sent to a replica, then ROLE on
/// it over one open connection every 1 ms (a manual failover waits for no timer: docs/sources.md §3.9). The scenario's
/// clients run the open workload from the run's zero (<see cref="ClusterWorkload"/>), StackExchange.Redis in cluster
/// mode dialling the nodes directly. A partition (isolate, partition) runs every link through rfsim's proxies instead
/// (<see cref="ClusterProxies"/>, RealClusterRun.Partition.cs).
/// </summary>
internal static partial class RealClusterRun
{
    private static readonly TimeSpan CrashPollPeriod = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan ManualPollPeriod = TimeSpan.FromMilliseconds(1);

    // cluster.h CLUSTER_MF_TIMEOUT: a manual failover not done in 5 s is aborted; twice that is the bound.
    private static readonly TimeSpan ManualBound = TimeSpan.FromSeconds(10);

    // 100 PINGs 5 ms apart, as the Sentinel calibration probes its test bed (assumption A107).
    private const int ProbeCount = 100;
    private static readonly TimeSpan ProbeSpacing = TimeSpan.FromMilliseconds(5);

    /// <summary>Runs once; the write schedule and keys come from <paramref name="seed"/>.</summary>
    public static RealClusterOutcome Execute(
        WorldSpec spec, RedisBinaries binaries, int portBase, string directory, int run, int seed, TextWriter progress, CancellationToken cancellation)
    {
        var cluster = spec.Cluster!;
        var fault = spec.Faults.Single();
        bool partition = IsPartition(fault);
        Directory.CreateDirectory(directory);
        var ports = new PortAllocator(portBase);
        var nodes = spec.Nodes.Select(n => (n.Name, Port: ports.Next(), BusPort: 0)).ToList();
        for (int i = 0; i < nodes.Count; i++)
        {
            nodes[i] = nodes[i] with { BusPort = ports.Next() };
        }

        var processes = new List<ChildProcess>();
        ClusterWorkload? workload = null;
        using var proxies = partition ? ClusterProxies.Start(nodes, spec.Clients.Select(c => c.Name).ToList(), ports) : null;
        try
        {
            // What each node announces: its front proxies' ports in a partitioned run, else its own.
            var announced = nodes.Select((n, i) => proxies is null ? (n.Port, n.BusPort) : (proxies.FrontPort(i), proxies.FrontBusPort(i))).ToList();
            for (int i = 0; i < nodes.Count; i++)
            {
                var n = nodes[i];
                string config = Path.Combine(directory, n.Name + ".conf");
                File.WriteAllText(config, RealClusterSetup.Config(n.Name, n.Port, n.BusPort, cluster.Settings, directory, proxies is null ? null : announced[i]));
                processes.Add(ChildProcess.Start(n.Name, binaries.ServerPath, [config], Path.Combine(directory, n.Name + ".stdout")));
                proxies?.Register(n.Name, processes[^1].Pid);
            }

            var nodePorts = nodes.Select(n => n.Port).ToList();
            RealClusterSetup.WaitListening(nodePorts, cancellation);
            RealClusterSetup.Join(nodes.Select((n, i) => (n.Port, announced[i].Item1, announced[i].Item2)).ToList(), cluster);
            RealClusterSetup.WaitClusterOk(nodePorts, cancellation);
            RealClusterSetup.WaitReplicasInSync(nodes.Where((n, i) => i % cluster.NodesPerShard != 0).Select(n => n.Port).ToList(), cancellation);
            progress.WriteLine("  cluster state ok, every replica in sync" + (proxies is null ? "" : ", every link through rfsim's proxies"));

            // A partition names no node to probe: shard 1's primary stands for the test bed.
            int target = partition ? 0 : nodes.FindIndex(n => n.Name == fault.Target.Name);
            int shard = cluster.NodeShards[target];
            var probes = Probe(nodes[shard * cluster.NodesPerShard].Port, cancellation);
            workload = spec.Clients.Count > 0 ? ClusterWorkload.Connect(spec, announced.Select(a => a.Item1).ToList(), seed, directory, proxies is null ? null : proxies.TunnelMap) : null;
            var clock = workload?.Clock ?? new RunClock();
            if (workload is null)
            {
                clock.SetZero();
            }
            else
            {
                workload.Start();
            }

            // The model's cluster is warm at 0 (A78); here the fault comes the same time after the run's zero.
            clock.SleepUntil(fault.At.TotalSeconds, cancellation);
            double faultSeconds = clock.Seconds;
            var (promotion, promoted) = fault.Kind switch
            {
                FaultKind.ClusterFailover => ManualFailover(nodes[target], fault.Option, cancellation),
                _ when proxies is not null => Partition(proxies, spec, nodes, clock, progress, cancellation),
                _ => Crash(processes, nodes, target, cluster, cancellation),
            };

            // The port a client saw the promoted node at (ClusterWorkload.Metrics matches it with each write's).
            var promotedNode = promoted is null ? ((string, int)?)null : (promoted, announced[nodes.FindIndex(n => n.Name == promoted)].Item1);
            if (workload is null)
            {
                return new RealClusterOutcome(PromotionOnly(run, promotion, promoted), probes, new Dictionary<string, int>());
            }

            workload.Finish(Settle(spec.Client), cancellation);
            if (partition)
            {
                WaitOnePrimaryPerShard(nodes, cluster, cancellation);
            }

            var present = ClusterFinalSet.Read(Primaries(processes, nodes, cluster));
            workload.WriteCsv(Path.Combine(directory, "writes.csv"), spec.Clients.Select(c => c.Name).ToList(), present);
            var notes = proxies is null ? [] : ProxyNotes(run, proxies, workload);
            return new RealClusterOutcome(workload.Metrics((ulong)run, faultSeconds, promotion, promotedNode, present), probes, new Dictionary<string, int>(workload.Ledger.Reasons)) { Notes = notes };
        }
        finally
        {
            workload?.Dispose();
            foreach (var p in processes)
            {
                p.Dispose();
            }
        }
    }

    /// <summary>A run without clients measures the promotion alone.</summary>
    private static RunMetrics PromotionOnly(int run, double? promotion, string? promoted) =>
        new("real", (ulong)run, promoted is not null, promoted, null, promotion, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, true);

    /// <summary>
    /// How long the writes still pending at the schedule's end get: the command timeout (StackExchange.Redis checks it
    /// on its heartbeat) plus slack, at most 30 s, as the Sentinel calibration waits.
    /// </summary>
    private static TimeSpan Settle(ClientSettings client) =>
        TimeSpan.FromSeconds(Math.Min(client.CommandTimeout.TotalSeconds + (2 * client.Heartbeat.TotalSeconds) + 5, 30));

    /// <summary>The ports of the nodes that say <c>master</c> at the end, among those still running.</summary>
    private static List<int> Primaries(List<ChildProcess> processes, List<(string Name, int Port, int BusPort)> nodes, ClusterSpec cluster)
    {
        var primaries = new List<int>();
        for (int i = 0; i < nodes.Count; i++)
        {
            if (processes[i].IsRunning && RealClusterSetup.IsMaster(nodes[i].Port))
            {
                primaries.Add(nodes[i].Port);
            }
        }

        if (primaries.Count < cluster.Shards)
        {
            throw new CalibrationSetupException($"the cluster ended with {primaries.Count} primaries for {cluster.Shards} shards; the final dataset cannot be read");
        }

        return primaries;
    }

    private static (double?, string?) Crash(
        List<ChildProcess> processes, List<(string Name, int Port, int BusPort)> nodes, int victim, ClusterSpec cluster, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        processes[victim].Dispose();
        int shard = cluster.NodeShards[victim];
        var siblings = Enumerable.Range(0, nodes.Count).Where(i => i != victim && cluster.NodeShards[i] == shard).ToList();
        var bound = TimeSpan.FromTicks(cluster.Settings.NodeTimeout.Nanoseconds / 100 * 6) + TimeSpan.FromSeconds(10);
        while (clock.Elapsed < bound)
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (int i in siblings)
            {
                if (RealClusterSetup.IsMaster(nodes[i].Port))
                {
                    return (Math.Round(clock.Elapsed.TotalSeconds, 3), nodes[i].Name);
                }
            }

            Thread.Sleep(CrashPollPeriod);
        }

        return (null, null);
    }

    /// <summary>Sends CLUSTER FAILOVER to the replica and reads its ROLE until it says master.</summary>
    private static (double?, string?) ManualFailover((string Name, int Port, int BusPort) replica, ManualFailoverOption option, CancellationToken cancellation)
    {
        using var connection = RespConnection.Open(replica.Port, TimeSpan.FromSeconds(5));
        string[] command = option switch
        {
            ManualFailoverOption.Force => ["CLUSTER", "FAILOVER", "FORCE"],
            ManualFailoverOption.Takeover => ["CLUSTER", "FAILOVER", "TAKEOVER"],
            _ => ["CLUSTER", "FAILOVER"],
        };

        // The clock starts as the command leaves, as the model's fault arrives at the replica at its instant (A83).
        var clock = Stopwatch.StartNew();
        if (connection.Call(command) as string != "OK")
        {
            throw new CalibrationSetupException($"{string.Join(' ', command)} to {replica.Name} was not answered OK");
        }

        while (clock.Elapsed < ManualBound)
        {
            cancellation.ThrowIfCancellationRequested();
            if (connection.Call("ROLE") is object?[] { Length: > 0 } role && role[0] as string == "master")
            {
                return (Math.Round(clock.Elapsed.TotalSeconds, 4), replica.Name);
            }

            Thread.Sleep(ManualPollPeriod);
        }

        return (null, null);
    }

    /// <summary>The loopback round trip to a node, PING by PING, ms.</summary>
    private static List<double> Probe(int port, CancellationToken cancellation)
    {
        using var connection = RespConnection.Open(port, TimeSpan.FromSeconds(5));
        var roundTrips = new List<double>(ProbeCount);
        for (int i = 0; i < ProbeCount && !cancellation.IsCancellationRequested; i++)
        {
            long start = Stopwatch.GetTimestamp();
            connection.Call("PING");
            roundTrips.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            Thread.Sleep(ProbeSpacing);
        }

        return roundTrips;
    }
}
