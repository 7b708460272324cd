using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Clients;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths;

/// <summary>
/// The assembly steps every path shares: the scenario's nodes, its clients with a path's discovery, and the
/// replication boot. Random streams are named after the path, so one path's draws never shift another's.
/// </summary>
internal static class PathAssembly
{
    /// <summary>Adds the scenario's nodes, each with its own replication-cron phase.</summary>
    public static void AddNodes(SimWorld world, Func<int, RedisNodeOptions> optionsFor)
    {
        var spec = world.Spec;
        var cronPhases = world.Simulation.Random.Stream(world.PathName + "/node.cron-phase");
        for (int i = 0; i < spec.Nodes.Count; i++)
        {
            var node = spec.Nodes[i];
            world.Add(new RedisNode(
                world.Network,
                node,
                world.AzIndex(node.Az),
                i,
                spec.Redis,
                optionsFor(i),
                world.Recorder,
                world.ReplIds,
                world.Ledger,
                SimDuration.FromSecondsRounded(cronPhases.NextDouble())));
        }
    }

    /// <summary>Adds the scenario's clients, each finding the primary with the discovery made for it.</summary>
    public static void AddClients(SimWorld world, Func<int, ClientDiscovery> discoveryFor)
    {
        var spec = world.Spec;
        for (int i = 0; i < spec.Clients.Count; i++)
        {
            var c = spec.Clients[i];
            world.Add(new WriteClient(
                world.Network,
                c,
                world.AzIndex(c.Az),
                i,
                spec.ClientSettingsOf(i),
                spec.Workload,
                world.Traffic,
                world.Ledger,
                world.Recorder,
                world.Simulation.Random.Stream(world.PathName + "/client.arrivals", i),
                world.Simulation.Random.Stream(world.PathName + "/client.retry", i),
                discoveryFor(i),
                world.NodeIndexOf));
        }
    }

    /// <summary>A client discovery through an endpoint, with the client's own reconnect-jitter stream.</summary>
    public static EndpointDiscovery EndpointClient(SimWorld world, int clientIndex, Func<int, MemberId> resolve, SimDuration cacheTtl) =>
        new(resolve, cacheTtl, world.Simulation.Random.Stream(world.PathName + "/client.reconnect", clientIndex));

    /// <summary>A random phase in [0, <paramref name="period"/>) for a periodic component, from its own stream.</summary>
    public static SimDuration Phase(SimWorld world, string stream, SimDuration period) =>
        SimDuration.FromSecondsRounded(world.Simulation.Random.Stream(world.PathName + "/" + stream).NextDouble() * period.TotalSeconds);

    /// <summary>The scenario's initial primary.</summary>
    public static RedisNode InitialPrimary(SimWorld world) => world.Nodes.Single(n => n.Spec.InitialPrimary);

    /// <summary>Boots the initial primary and its replicas, in sync, with one replication id.</summary>
    public static void BootReplication(SimWorld world, RedisNode primary)
    {
        long replId = world.ReplIds.Next();
        primary.Boot(MemberId.None, replId);
        foreach (var node in world.Nodes.Where(n => n != primary))
        {
            node.Boot(primary.Id, replId);
        }
    }

    /// <summary>Starts every client's discovery, heartbeat and write stream.</summary>
    public static void BootClients(SimWorld world)
    {
        foreach (var client in world.Clients)
        {
            client.Boot();
        }
    }

    /// <summary>
    /// Runs the assembled world to convergence (<see cref="RunDriver"/>) and fills the caller's engine counters,
    /// so every path reports them the same way. A cluster names each shard's final dataset with
    /// <paramref name="shardDatasets"/>.
    /// </summary>
    public static PathResult Drive(
        SimWorld world,
        RunOptions options,
        Func<RedisNode?> survivorWhenSplit,
        Func<IReadOnlyList<KeyValuePair<string, double>>> usage,
        Func<long> finalEpoch,
        Func<IReadOnlyList<RedisNode>>? shardDatasets = null)
    {
        var result = RunDriver.Run(world, options.KeepSamples, options.Progress, survivorWhenSplit, () => [.. usage(), .. CrossAz(world)], finalEpoch, shardDatasets);
        if (options.Counters is { } counters)
        {
            counters.EventsProcessed = world.Simulation.EventsProcessed;
            counters.MessagesSent = world.Network.MessagesSent;
        }

        return result;
    }

    /// <summary>
    /// Gigabytes (10^9 bytes) the run sent from one AZ to another, per kind of traffic (A115): what the cost model
    /// scales to a month's cross-AZ transfer.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, double>> CrossAz(SimWorld world) =>
    [
        new("cross-az-client-gb", Gb(world.Network.CrossAzBytes(TrafficKind.Client))),
        new("cross-az-replication-gb", Gb(world.Network.CrossAzBytes(TrafficKind.Replication))),
        new("cross-az-full-sync-gb", Gb(world.Network.CrossAzBytes(TrafficKind.FullSync))),
        new("cross-az-log-gb", Gb(world.Network.CrossAzBytes(TrafficKind.Log))),
        new("cross-az-control-gb", Gb(world.Network.CrossAzBytes(TrafficKind.Control))),
    ];

    /// <summary>Node-hours of the run, the billing quantity of node-based services.</summary>
    public static KeyValuePair<string, double> NodeHours(SimWorld world) =>
        new("node-hours", Math.Round(world.Nodes.Count * world.Simulation.Now.TotalSeconds / 3600, 6));

    private static double Gb(long bytes) => Math.Round(bytes / 1e9, 9);

    /// <summary>The result with one more "did it bite" fact, when there is one.</summary>
    public static PathResult WithFact(PathResult result, BiteFact? fact) =>
        fact is null ? result : result with { Facts = [.. result.Facts, fact] };
}
