using RedisFailoverSim.Model.Clients;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths;

/// <summary>
/// The assembly steps every path that runs a Redis Cluster shares (self-hosted, ElastiCache with cluster mode
/// enabled): the scenario's nodes, shard by shard, each the shared Redis node with a cluster bus agent
/// (docs/sources.md §3.3-§3.6), each scenario client split into one client per shard that finds its owner with
/// CLUSTER SLOTS and follows -MOVED (A81, A82), and the answers a run needs from the bus (the shard's owner, the
/// survivors, whether every live node's state is OK). A path adds only what is its own.
/// </summary>
internal static class ClusterPathAssembly
{
    /// <summary>
    /// The scenario's clients split per shard (A82), the world built on them, and what the path needs to add the
    /// clients once its nodes exist.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="path">The path's name.</param>
    /// <param name="warmShards">
    /// Shards that start without slots (a Serverless warm pool, A161): the slots split over the others, and the slots
    /// may move during the run (A165).
    /// </param>
    public static (SimWorld World, ClusterClients Clients) CreateWorld(WorldSpec scenario, ulong seed, string path, int warmShards = 0)
    {
        var cluster = scenario.Cluster!;
        var starts = SlotRanges.Starts(cluster.Shards - warmShards);
        var shares = new KeySampler(scenario.Workload.Keys).ShareOfShards(starts);
        var (spec, clientShards) = PerShardClients(scenario, shares);
        var world = new SimWorld(spec, seed, path);
        world.Ledger.Compact.TrackShards(clientShards, cluster.NodeShards, cluster.Shards, slotsMove: warmShards > 0);
        return (world, new ClusterClients(scenario.Workload.RatePerClient, starts, shares, clientShards));
    }

    /// <summary>
    /// The scenario's nodes, each the shared Redis node with a cluster bus agent (also the cluster tests' nodes, so
    /// they run what the paths run), with the path's node options; returns the agents by node index.
    /// </summary>
    public static List<ClusterBusAgent> AddClusterNodes(SimWorld world, RedisNodeOptions options)
    {
        var spec = world.Spec;
        var agents = new List<ClusterBusAgent>();
        for (int i = 0; i < spec.Nodes.Count; i++)
        {
            agents.Add(new ClusterBusAgent(spec.Cluster!, spec.Redis, i, world.Recorder, world.Simulation.Random.Stream(world.PathName + "/cluster.bus", i)));
        }

        PathAssembly.AddNodes(world, i => options with { Extension = agents[i] });
        return agents;
    }

    /// <summary>
    /// Adds one client per (scenario client, shard), each carrying its shard's share of the writes and finding the
    /// shard's owner by asking <paramref name="seeds"/> for CLUSTER SLOTS, starting at the shard's first node. A
    /// scenario client's connections know each other's state (<see cref="ClusterConnections"/>, A118): the
    /// multiplexer's servers are <paramref name="seeds"/>, its configured endpoints, and the offset it walks them from
    /// starts at a draw of its own stream.
    /// </summary>
    public static void AddClusterClients(SimWorld world, ClusterClients clients, IReadOnlyList<MemberId> seeds)
    {
        var cluster = world.Spec.Cluster!;
        var names = new List<string>();
        var sets = new List<ClusterConnections>();
        AddClusterClients(world, clients, i =>
        {
            string name = ShardConnectionNames.ScenarioName(world.Spec.Clients[i].Name);
            int at = names.IndexOf(name);
            if (at < 0)
            {
                at = names.Count;
                names.Add(name);
                var offsets = world.Simulation.Random.Stream(world.PathName + "/client.any-offset", at);
                sets.Add(new ClusterConnections(seeds, (uint)offsets.Next()));
            }

            return new ClusterShardDiscovery(
                seeds,
                clients.ClientShards[i],
                clients.ClientShards[i] * cluster.NodesPerShard,
                world.Simulation.Random.Stream(world.PathName + "/client.reconnect", i),
                sets[at]);
        });
    }

    /// <summary>
    /// Adds one client per (scenario client, shard), each carrying its shard's share of the writes on its shard's
    /// slots, finding where to send them with the discovery <paramref name="discoveryFor"/> makes for its client index
    /// (Serverless: its AZ's proxy, which owns every slot, A152).
    /// </summary>
    public static void AddClusterClients(SimWorld world, ClusterClients clients, Func<int, ClientDiscovery> discoveryFor)
    {
        var spec = world.Spec;
        var sim = world.Simulation;
        for (int i = 0; i < spec.Clients.Count; i++)
        {
            var c = spec.Clients[i];
            int shard = clients.ClientShards[i];
            world.Add(new WriteClient(
                world.Network,
                c,
                world.AzIndex(c.Az),
                i,
                spec.ClientSettingsOf(i),
                spec.Workload with { RatePerClient = clients.RatePerClient * clients.Shares[shard] },
                world.Traffic,
                world.Ledger,
                world.Recorder,
                sim.Random.Stream(world.PathName + "/client.arrivals", i),
                sim.Random.Stream(world.PathName + "/client.retry", i),
                discoveryFor(i),
                world.NodeIndexOf)
            {
                Slot = clients.SlotStarts[shard],
            });
        }
    }

    /// <summary>Boots every shard in sync (its first node primary), then the bus agents as the cluster was created.</summary>
    public static void BootCluster(SimWorld world, IReadOnlyList<ClusterBusAgent> agents)
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

    /// <summary>Runs the assembled cluster to convergence; the final epoch is the largest currentEpoch.</summary>
    public static PathResult Drive(SimWorld world, IReadOnlyList<ClusterBusAgent> agents, RunOptions options) =>
        PathAssembly.Drive(
            world,
            options,
            () => null,
            () => [PathAssembly.NodeHours(world)],
            () => agents.Max(a => a.CurrentEpoch),
            () => ShardSurvivors(world, agents));

    /// <summary>
    /// The owner of <paramref name="shard"/> most live nodes' slot maps name, if it is up and primary; else the shard's
    /// one live primary.
    /// </summary>
    public static RedisNode? ShardPrimary(SimWorld world, IReadOnlyList<ClusterBusAgent> agents, int shard)
    {
        var owner = MostNamedOwner(world, agents, shard);
        return owner is { IsPrimary: true, Host: HostState.Up } ? owner : Convergence.SinglePrimary(world, shard);
    }

    /// <summary>True when every live node's cluster state is OK.</summary>
    public static bool BusSettled(SimWorld world, IReadOnlyList<ClusterBusAgent> agents)
    {
        for (int i = 0; i < agents.Count; i++)
        {
            if (world.Nodes[i].Host == HostState.Up && !agents[i].StateOk)
            {
                return false;
            }
        }

        return true;
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
            var owner = Convergence.SinglePrimary(world, s) ?? MostNamedOwner(world, agents, s);
            if (owner is not null)
            {
                survivors.Add(owner);
            }
        }

        return survivors;
    }

    private static RedisNode? MostNamedOwner(SimWorld world, IReadOnlyList<ClusterBusAgent> agents, int shard) => agents
        .Where((a, i) => world.Nodes[i].Host == HostState.Up)
        .GroupBy(a => a.OwnerOf(shard))
        .OrderByDescending(g => g.Count())
        .ThenBy(g => g.Key)
        .Select(g => world.Nodes[g.Key])
        .FirstOrDefault();

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
}
