using System.Diagnostics;
using System.Globalization;
using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Processes;
using RedisFailoverSim.Calibration.Resp;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Calibration.RealCluster;

/// <summary>
/// Sets up a real Redis Cluster on 127.0.0.1 as the model lays it out: a <c>redis-server --cluster-enabled yes</c> per
/// node (shard by shard, the first node of each the primary, the slots split as <c>redis-cli --cluster create</c>
/// splits them: docs/sources.md §3.1), joined with CLUSTER MEET / ADDSLOTSRANGE / REPLICATE, then waited for until the
/// state is ok and every replica in sync. <see cref="RealClusterRun"/> injects the fault.
/// </summary>
internal static class RealClusterSetup
{
    /// <summary>
    /// A node's redis.conf: cluster mode with the scenario's cluster-* keys, the bus on its own port, no persistence;
    /// with <paramref name="announced"/> (a partitioned run's front proxies, <see cref="ClusterProxies"/>) the node
    /// announces those ports instead of its own (cluster-announce-port / cluster-announce-bus-port: the ports its gossip,
    /// CLUSTER SLOTS and -MOVED name, and its peers dial; docs/sources.md §3.13).
    /// </summary>
    internal static string Config(string name, int port, int busPort, ClusterSettings settings, string directory, (int Port, int BusPort)? announced = null) => string.Join('\n',
    [
        "bind 127.0.0.1",
        "port " + Int(port),
        "cluster-enabled yes",
        "cluster-port " + Int(busPort),
        .. announced is { } a ? (string[])["cluster-announce-port " + Int(a.Port), "cluster-announce-bus-port " + Int(a.BusPort)] : [],
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

    /// <summary>
    /// Waits until every node answers PING: a just-started redis-server refuses connections until it listens, which on
    /// a loaded host takes longer than the first CLUSTER MEET waited.
    /// </summary>
    internal static void WaitListening(IReadOnlyList<int> ports, CancellationToken cancellation)
    {
        var deadline = Stopwatch.StartNew();
        foreach (int port in ports)
        {
            while (!AnswersPing(port))
            {
                cancellation.ThrowIfCancellationRequested();
                if (deadline.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new CalibrationSetupException($"the real cluster node on port {Int(port)} did not answer PING within 30 s of its start");
                }

                Thread.Sleep(50);
            }
        }
    }

    private static bool AnswersPing(int port)
    {
        try
        {
            using var c = RespConnection.Open(port, TimeSpan.FromSeconds(1));
            return c.Call("PING") as string == "PONG";
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// MEET every node from the first at its announced ports, the slot ranges to each shard's primary, each replica to
    /// its primary; the commands go to each node's own <c>Port</c>.
    /// </summary>
    internal static void Join(IReadOnlyList<(int Port, int AnnouncedPort, int AnnouncedBusPort)> addresses, ClusterSpec cluster)
    {
        var ports = addresses.Select(a => a.Port).ToList();
        using (var first = RespConnection.Open(ports[0], TimeSpan.FromSeconds(5)))
        {
            // The bus port is named: CLUSTER MEET would otherwise assume port + 10000, outside this run's range. A node
            // met at its announced (front) ports keeps them in its table, as the node itself announces them.
            for (int i = 1; i < ports.Count; i++)
            {
                Expect(first.Call("CLUSTER", "MEET", "127.0.0.1", Int(addresses[i].AnnouncedPort), Int(addresses[i].AnnouncedBusPort)), "OK", "CLUSTER MEET");
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

    internal static void WaitClusterOk(IReadOnlyList<int> ports, CancellationToken cancellation)
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
    internal static void WaitReplicasInSync(IReadOnlyList<int> replicaPorts, CancellationToken cancellation)
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

    internal static string MyId(int port)
    {
        using var c = RespConnection.Open(port, TimeSpan.FromSeconds(5));
        return c.Call("CLUSTER", "MYID") as string ?? throw new CalibrationSetupException("CLUSTER MYID gave no id");
    }

    internal static bool IsMaster(int port)
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
