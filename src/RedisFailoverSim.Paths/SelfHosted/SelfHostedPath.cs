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
        if (spec.Cluster is not null)
        {
            return SelfHostedClusterPath.Run(spec, seed, options);
        }

        var world = new SimWorld(spec, seed, DeploymentPaths.SelfHosted);
        // Assumption A35: what a cut drops TCP would have retransmitted; a replica that sees the hole resyncs.
        PathAssembly.AddNodes(world, _ => RedisNodeOptions.OpenSource with { RecoverStreamGaps = true, DisconnectReplicasOnPromotion = true });
        for (int i = 0; i < spec.Sentinels.Count; i++)
        {
            var s = spec.Sentinels[i];
            world.Add(new SentinelNode(
                world.Network,
                s,
                world.AzIndex(s.Az),
                spec.Sentinel,
                world.Recorder,
                world.Simulation.Random.Stream("self-hosted/sentinel", i),
                world.Nodes));
        }

        var sentinelIds = world.Sentinels.Select(s => s.Id).ToList();
        var nodeIds = world.Nodes.Select(n => n.Id).ToList();
        PathAssembly.AddClients(world, i => Discovery(world, sentinelIds, nodeIds, i));
        world.Behaviour = new SelfHostedBehaviour(world);

        PathAssembly.BootReplication(world, PathAssembly.InitialPrimary(world));
        var subscribers = world.Clients.Select(c => c.Id).ToList();
        var eventSubscribers = world.Clients.Where(c => c.Settings.SentinelEvents == SentinelEventAction.Rediscover).Select(c => c.Id).ToList();
        foreach (var sentinel in world.Sentinels)
        {
            sentinel.Boot(PathAssembly.InitialPrimary(world).Id, world.Sentinels, subscribers, eventSubscribers);
        }

        PathAssembly.BootClients(world);
        return PathAssembly.Drive(
            world,
            options,
            () => MostAdvertised(world),
            () => [],
            () => world.Sentinels.Count == 0 ? 0 : world.Sentinels.Max(s => s.CurrentEpoch));
    }

    /// <summary>
    /// A client's discovery: through the Sentinels, or (primary-discovery: fixed-at-creation, Valkey GLIDE) the node that
    /// said role:master when the client was created, for ever (assumption A176).
    /// </summary>
    private static ClientDiscovery Discovery(SimWorld world, IReadOnlyList<MemberId> sentinelIds, IReadOnlyList<MemberId> nodeIds, int clientIndex)
    {
        var reconnect = world.Simulation.Random.Stream(world.PathName + "/client.reconnect", clientIndex);
        return world.Spec.ClientSettingsOf(clientIndex).PrimaryDiscovery == PrimaryDiscovery.FixedAtCreation
            ? new FixedPrimaryDiscovery(nodeIds, reconnect)
            : new SentinelDiscovery(sentinelIds, nodeIds, reconnect);
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
