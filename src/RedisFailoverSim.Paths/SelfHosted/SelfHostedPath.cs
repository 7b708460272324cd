using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Clients;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Sentinel;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths.SelfHosted;

/// <summary>
/// Redis OSS / Valkey on EC2 with Sentinel, assembled from model components: the scenario's nodes
/// (asynchronous replication), its Sentinels monitoring <c>mymaster</c>, and clients that find the primary
/// through the Sentinels (StackExchange.Redis behaviour).
/// </summary>
internal static class SelfHostedPath
{
    public static PathResult Run(WorldSpec spec, ulong seed, RunOptions options)
    {
        var world = new SimWorld(spec, seed, DeploymentPaths.SelfHosted);
        var sim = world.Simulation;
        var cronPhases = sim.Random.Stream("self-hosted/node.cron-phase");
        for (int i = 0; i < spec.Nodes.Count; i++)
        {
            var node = spec.Nodes[i];
            world.Add(new RedisNode(
                world.Network,
                node,
                world.AzIndex(node.Az),
                i,
                spec.Redis,
                RedisNodeOptions.OpenSource,
                world.Recorder,
                world.ReplIds,
                SimDuration.FromSecondsRounded(cronPhases.NextDouble())));
        }

        for (int i = 0; i < spec.Sentinels.Count; i++)
        {
            var s = spec.Sentinels[i];
            world.Add(new SentinelNode(
                world.Network,
                s,
                world.AzIndex(s.Az),
                spec.Sentinel,
                world.Recorder,
                sim.Random.Stream("self-hosted/sentinel", i),
                world.Nodes));
        }

        var sentinelIds = world.Sentinels.Select(s => s.Id).ToList();
        for (int i = 0; i < spec.Clients.Count; i++)
        {
            var c = spec.Clients[i];
            world.Add(new WriteClient(
                world.Network,
                c,
                world.AzIndex(c.Az),
                i,
                spec.Client,
                spec.Workload,
                world.Traffic,
                world.Ledger,
                world.Recorder,
                sim.Random.Stream("self-hosted/client.arrivals", i),
                new SentinelDiscovery(sentinelIds),
                world.NodeIndexOf));
        }

        world.Behaviour = new SelfHostedBehaviour(world);
        Boot(world);
        var result = RunDriver.Run(
            world,
            options.KeepSamples,
            options.Progress,
            () => MostAdvertised(world),
            () => [],
            () => world.Sentinels.Count == 0 ? 0 : world.Sentinels.Max(s => s.CurrentEpoch));
        if (options.Counters is { } counters)
        {
            counters.EventsProcessed = sim.EventsProcessed;
            counters.MessagesSent = world.Network.MessagesSent;
        }

        return result;
    }

    private static void Boot(SimWorld world)
    {
        var primary = world.Nodes.Single(n => n.Spec.InitialPrimary);
        long replId = world.ReplIds.Next();
        primary.Boot(MemberId.None, replId);
        foreach (var node in world.Nodes.Where(n => n != primary))
        {
            node.Boot(primary.Id, replId);
        }

        var subscribers = world.Clients.Select(c => c.Id).ToList();
        foreach (var sentinel in world.Sentinels)
        {
            sentinel.Boot(primary.Id, world.Sentinels, subscribers);
        }

        foreach (var client in world.Clients)
        {
            client.Boot();
        }
    }

    /// <summary>When several primaries remain, the one most Sentinels advertise is the survivor.</summary>
    private static RedisNode? MostAdvertised(SimWorld world)
    {
        var best = world.Sentinels
            .Where(s => s.Host == HostState.Up)
            .GroupBy(s => s.AdvertisedMaster.Value)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .FirstOrDefault();
        return best is null ? null : world.Nodes.FirstOrDefault(n => n.Id.Value == best.Key);
    }
}
