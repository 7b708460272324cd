using System.Diagnostics;
using System.Globalization;
using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Processes;
using RedisFailoverSim.Calibration.Resp;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Calibration.RealCluster;

/// <summary>
/// One real Redis Cluster run of a crash scenario on 127.0.0.1: a <c>redis-server --cluster-enabled yes</c> per node,
/// laid out as the model lays them out (shard by shard, the first node of each the primary, the slots split as
/// <c>redis-cli --cluster create</c> splits them: docs/sources.md §3.1), joined with CLUSTER MEET / ADDSLOTSRANGE /
/// REPLICATE; then <c>kill -9</c> of the crashed primary at the fault's time after the cluster state is ok, and the
/// time until one of its shard's replicas says <c>master</c> in ROLE (the replica's own failover). No clients and no
/// proxies: the bus runs on loopback, so this measures the promotion alone.
/// </summary>
internal static class RealClusterCrash
{
    /// <summary>How often the replicas' ROLE is read while waiting for the promotion.</summary>
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(10);

    /// <summary>Runs once; returns fault → promotion (s) and the node promoted, or null when none was within the bound.</summary>
    public static (double? PromotionSeconds, string? NewPrimary) Execute(
        WorldSpec spec, RedisBinaries binaries, int portBase, string directory, TextWriter progress, CancellationToken cancellation)
    {
        var cluster = spec.Cluster!;
        var fault = spec.Faults.Single();
        string target = fault.Target.Name!;
        Directory.CreateDirectory(directory);
        var ports = new PortAllocator(portBase);
        var nodes = spec.Nodes.Select(n => (n.Name, Port: ports.Next(), BusPort: 0)).ToList();
        for (int i = 0; i < nodes.Count; i++)
        {
            nodes[i] = nodes[i] with { BusPort = ports.Next() };
        }

        var processes = new List<ChildProcess>();
        try
        {
            foreach (var n in nodes)
            {
                string config = Path.Combine(directory, n.Name + ".conf");
                File.WriteAllText(config, Config(n.Name, n.Port, n.BusPort, cluster.Settings, directory));
                processes.Add(ChildProcess.Start(n.Name, binaries.ServerPath, [config], Path.Combine(directory, n.Name + ".stdout")));
            }

            Join(nodes.Select(n => (n.Port, n.BusPort)).ToList(), cluster);
            WaitClusterOk(nodes.Select(n => n.Port).ToList(), cancellation);
            WaitReplicasInSync(nodes.Where((n, i) => i % cluster.NodesPerShard != 0).Select(n => n.Port).ToList(), cancellation);
            progress.WriteLine("  cluster state ok, every replica in sync");

            // The model's cluster is warm at 0 (A78); here the fault comes the same time after the state turned ok.
            Thread.Sleep(TimeSpan.FromTicks(fault.At.Nanoseconds / 100));
            int victim = nodes.FindIndex(n => n.Name == target);
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
                    if (IsMaster(nodes[i].Port))
                    {
                        return (Math.Round(clock.Elapsed.TotalSeconds, 3), nodes[i].Name);
                    }
                }

                Thread.Sleep(PollPeriod);
            }

            return (null, null);
        }
        finally
        {
            foreach (var p in processes)
            {
                p.Dispose();
            }
        }
    }

    /// <summary>A node's redis.conf: cluster mode with the scenario's cluster-* keys, the bus on its own port, no persistence.</summary>
    internal static string Config(string name, int port, int busPort, ClusterSettings settings, string directory) => string.Join('\n',
    [
        "bind 127.0.0.1",
        "port " + Int(port),
        "cluster-enabled yes",
        "cluster-port " + Int(busPort),
        "cluster-config-file " + Path.Combine(directory, name + "-nodes.conf"),
        "cluster-node-timeout " + Int(settings.NodeTimeout.Nanoseconds / 1_000_000),
        "cluster-require-full-coverage " + YesNo(settings.RequireFullCoverage),
        "cluster-replica-validity-factor " + Int(settings.ReplicaValidityFactor),
        "cluster-allow-reads-when-down " + YesNo(settings.AllowReadsWhenDown),
        "cluster-replica-no-failover " + YesNo(settings.ReplicaNoFailover),
        "daemonize no",
        "dir " + directory,
        "logfile " + Path.Combine(directory, name + ".log"),
        "save \"\"",
        "appendonly no",
    ]) + "\n";

    /// <summary>MEET every node from the first, the slot ranges to each shard's primary, each replica to its primary.</summary>
    private static void Join(IReadOnlyList<(int Port, int BusPort)> addresses, ClusterSpec cluster)
    {
        var ports = addresses.Select(a => a.Port).ToList();
        using (var first = RespConnection.Open(ports[0], TimeSpan.FromSeconds(5)))
        {
            // The bus port is named: CLUSTER MEET would otherwise assume port + 10000, outside this run's range.
            for (int i = 1; i < ports.Count; i++)
            {
                Expect(first.Call("CLUSTER", "MEET", "127.0.0.1", Int(ports[i]), Int(addresses[i].BusPort)), "OK", "CLUSTER MEET");
            }
        }

        var starts = Model.Cluster.SlotRanges.Starts(cluster.Shards);
        for (int s = 0; s < cluster.Shards; s++)
        {
            int end = starts[s + 1] - 1;
            using var primary = RespConnection.Open(ports[s * cluster.NodesPerShard], TimeSpan.FromSeconds(5));
            Expect(primary.Call("CLUSTER", "ADDSLOTSRANGE", Int(starts[s]), Int(end)), "OK", "CLUSTER ADDSLOTSRANGE");
        }

        for (int s = 0; s < cluster.Shards; s++)
        {
            string primaryId = MyId(ports[s * cluster.NodesPerShard]);
            for (int r = 1; r < cluster.NodesPerShard; r++)
            {
                // A replica can follow a primary only once it knows it: retry while the MEET gossip spreads.
                using var replica = RespConnection.Open(ports[(s * cluster.NodesPerShard) + r], TimeSpan.FromSeconds(5));
                var deadline = Stopwatch.StartNew();
                while (!Replicate(replica, primaryId))
                {
                    if (deadline.Elapsed > TimeSpan.FromSeconds(20))
                    {
                        throw new CalibrationSetupException("a real cluster node did not learn its primary within 20 s of CLUSTER MEET");
                    }

                    Thread.Sleep(100);
                }
            }
        }
    }

    private static bool Replicate(RespConnection replica, string primaryId)
    {
        try
        {
            return replica.Call("CLUSTER", "REPLICATE", primaryId) as string == "OK";
        }
        catch (RespErrorException)
        {
            // "ERR Unknown node": the MEET has not reached this node yet.
            return false;
        }
    }

    private static void WaitClusterOk(IReadOnlyList<int> ports, CancellationToken cancellation)
    {
        var deadline = Stopwatch.StartNew();
        while (!ports.All(p => Info(p).Contains("cluster_state:ok", StringComparison.Ordinal) && Info(p).Contains("cluster_known_nodes:" + Int(ports.Count), StringComparison.Ordinal)))
        {
            cancellation.ThrowIfCancellationRequested();
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new CalibrationSetupException("the real cluster's state did not turn ok within 60 s");
            }

            Thread.Sleep(100);
        }
    }

    /// <summary>
    /// Waits for every replica's first sync (redis.conf's repl-diskless-sync-delay holds it ~5 s): the model starts warm
    /// (A78), and a replica that never synced may not fail over at all ("Disconnected from master for longer than
    /// allowed": its data age counts from the link's last up time, docs/sources.md §3.7).
    /// </summary>
    private static void WaitReplicasInSync(IReadOnlyList<int> replicaPorts, CancellationToken cancellation)
    {
        var deadline = Stopwatch.StartNew();
        while (!replicaPorts.All(p => Replication(p).Contains("master_link_status:up", StringComparison.Ordinal)))
        {
            cancellation.ThrowIfCancellationRequested();
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new CalibrationSetupException("the real cluster's replicas did not finish their first sync within 60 s");
            }

            Thread.Sleep(100);
        }
    }

    private static string Replication(int port)
    {
        using var c = RespConnection.Open(port, TimeSpan.FromSeconds(5));
        return c.Call("INFO", "replication") as string ?? "";
    }

    private static string Info(int port)
    {
        using var c = RespConnection.Open(port, TimeSpan.FromSeconds(5));
        return c.Call("CLUSTER", "INFO") as string ?? "";
    }

    private static string MyId(int port)
    {
        using var c = RespConnection.Open(port, TimeSpan.FromSeconds(5));
        return c.Call("CLUSTER", "MYID") as string ?? throw new CalibrationSetupException("CLUSTER MYID gave no id");
    }

    private static bool IsMaster(int port)
    {
        try
        {
            using var c = RespConnection.Open(port, TimeSpan.FromSeconds(1));
            return c.Call("ROLE") is object?[] { Length: > 0 } role && role[0] as string == "master";
        }
        catch (IOException)
        {
            return false;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static void Expect(object? reply, string expected, string command)
    {
        if (reply as string != expected)
        {
            throw new CalibrationSetupException($"{command} answered {reply ?? "nothing"}, expected {expected}");
        }
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
