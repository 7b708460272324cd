using System.Globalization;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Clients;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths.SelfHosted;

/// <summary>
/// Redis OSS on EC2 as a Redis Cluster (no Sentinel), assembled from model components: the scenario's nodes, shard by
/// shard, run the shared Redis code with a cluster bus agent (docs/sources.md §3.3-§3.6), and each scenario client
/// holds one connection per shard that finds its owner with CLUSTER SLOTS and follows -MOVED (A81, A82).
/// </summary>
internal static class SelfHostedClusterPath
{
    public static PathResult Run(WorldSpec scenario, ulong seed, RunOptions options)
    {
        var cluster = scenario.Cluster!;
        var starts = SlotRanges.Starts(cluster.Shards);
        var shares = new KeySampler(scenario.Workload.Keys).ShareOfShards(starts);
        var (spec, clientShards) = PerShardClients(scenario, shares);
        var world = new SimWorld(spec, seed, DeploymentPaths.SelfHosted);
        var sim = world.Simulation;
        world.Ledger.Compact.TrackShards(clientShards, cluster.NodeShards, cluster.Shards);
        var agents = AddClusterNodes(world);
        var seeds = world.Nodes.Select(n => n.Id).ToList();
        for (int i = 0; i < spec.Clients.Count; i++)
        {
            var c = spec.Clients[i];
            int shard = clientShards[i];
            world.Add(new WriteClient(
                world.Network,
                c,
                world.AzIndex(c.Az),
                i,
                spec.Client,
                spec.Workload with { RatePerClient = scenario.Workload.RatePerClient * shares[shard] },
                world.Traffic,
                world.Ledger,
                world.Recorder,
                sim.Random.Stream(world.PathName + "/client.arrivals", i),
                sim.Random.Stream(world.PathName + "/client.retry", i),
                new ClusterShardDiscovery(seeds, shard, shard * cluster.NodesPerShard, sim.Random.Stream(world.PathName + "/client.reconnect", i)),
                world.NodeIndexOf)
            {
                Slot = starts[shard],
            });
        }

        world.Behaviour = new SelfHostedClusterBehaviour(world, agents);
        BootCluster(world, agents);
        PathAssembly.BootClients(world);
        var result = RunDriver.Run(
            world,
            options.KeepSamples,
            options.Progress,
            () => null,
            () => [PathAssembly.NodeHours(world), .. PathAssembly.CrossAz(world)],
            () => agents.Max(a => a.CurrentEpoch),
            () => ShardSurvivors(world, agents));
        if (options.Counters is { } counters)
        {
            counters.EventsProcessed = sim.EventsProcessed;
            counters.MessagesSent = world.Network.MessagesSent;
        }

        return result;
    }

    /// <summary>
    /// The scenario's nodes, each the shared Redis node with a cluster bus agent (also the cluster tests' nodes, so
    /// they run what the path runs); returns the agents by node index.
    /// </summary>
    internal static List<ClusterBusAgent> AddClusterNodes(SimWorld world)
    {
        var spec = world.Spec;
        var agents = new List<ClusterBusAgent>();
        for (int i = 0; i < spec.Nodes.Count; i++)
        {
            agents.Add(new ClusterBusAgent(spec.Cluster!, spec.Redis, i, world.Recorder, world.Simulation.Random.Stream(world.PathName + "/cluster.bus", i)));
        }

        // Assumption A35: what a cut drops TCP would have retransmitted; a replica that sees the hole resyncs.
        PathAssembly.AddNodes(world, i => RedisNodeOptions.OpenSource with { Extension = agents[i], RecoverStreamGaps = true, DisconnectReplicasOnPromotion = true });
        return agents;
    }

    /// <summary>Boots every shard in sync (its first node primary), then the bus agents as the cluster was created.</summary>
    internal static void BootCluster(SimWorld world, IReadOnlyList<ClusterBusAgent> agents)
    {
        var cluster = world.Spec.Cluster!;
        for (int s = 0; s < cluster.Shards; s++)
        {
            long replId = world.ReplIds.Next();
            var primary = world.Nodes[s * cluster.NodesPerShard];
            primary.Boot(MemberId.None, replId);
            for (int r = 1; r < cluster.NodesPerShard; r++)
            {
                world.Nodes[(s * cluster.NodesPerShard) + r].Boot(primary.Id, replId);
            }
        }

        for (int i = 0; i < agents.Count; i++)
        {
            agents[i].Attach(world.Nodes[i], world.Nodes);
            agents[i].Boot();
        }
    }

    /// <summary>
    /// Each scenario client becomes one client per shard (its connection for that shard's slots, A82), carrying the
    /// share of the writes whose keys hash there; a shard that gets no key gets no connection.
    /// </summary>
    private static (WorldSpec Spec, List<int> ClientShards) PerShardClients(WorldSpec scenario, double[] shares)
    {
        var clients = new List<ClientSpec>();
        var shards = new List<int>();
        foreach (var c in scenario.Clients)
        {
            for (int s = 0; s < shares.Length; s++)
            {
                if (shares[s] > 0)
                {
                    clients.Add(c with { Name = ShardConnectionNames.Of(c.Name, s) });
                    shards.Add(s);
                }
            }
        }

        return (scenario with { Clients = clients }, shards);
    }

    /// <summary>
    /// The dataset each shard ends with: its one live primary; when a partition never healed and it has two, the one
    /// most nodes' slot maps name (the cluster's configuration, highest configEpoch wins).
    /// </summary>
    private static IReadOnlyList<RedisNode> ShardSurvivors(SimWorld world, IReadOnlyList<ClusterBusAgent> agents)
    {
        var cluster = world.Spec.Cluster!;
        var survivors = new List<RedisNode>();
        for (int s = 0; s < cluster.Shards; s++)
        {
            var owner = Convergence.SinglePrimary(world, s) ?? agents
                .Where((a, i) => world.Nodes[i].Host == HostState.Up)
                .GroupBy(a => a.OwnerOf(s))
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key)
                .Select(g => world.Nodes[g.Key])
                .FirstOrDefault();
            if (owner is not null)
            {
                survivors.Add(owner);
            }
        }

        return survivors;
    }
}
