using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths.ElastiCache;

/// <summary>
/// ElastiCache node-based, cluster mode disabled, Multi-AZ with automatic failover, assembled from model
/// components: the scenario's nodes running the same Redis code as self-hosted (asynchronous replication,
/// <c>close-on-slave-write</c>, docs/sources.md §4.2), a managed control plane outside the data plane, and clients that
/// reach the primary through the primary endpoint's DNS name with their DNS TTL (docs/sources.md §9.1).
/// </summary>
internal static class ElastiCachePath
{
    /// <summary>The control plane's member name (a partition group may name it).</summary>
    public const string ControlPlaneName = ServiceMembers.ElastiCacheControlPlane;

    public static PathResult Run(WorldSpec spec, ulong seed, RunOptions options)
    {
        var settings = spec.Paths.ElastiCache;
        if (spec.Cluster is not null)
        {
            return ElastiCacheClusterPath.Run(spec, seed, options);
        }

        if (settings.Durability != ElastiCacheDurability.Disabled)
        {
            return DurableElastiCachePath.Run(spec, seed, options);
        }

        var world = new SimWorld(spec, seed, DeploymentPaths.ElastiCache);
        var nodeOptions = new RedisNodeOptions(settings.CloseOnReplicaWrite) { RecoverStreamGaps = true, DisconnectReplicasOnPromotion = true };
        PathAssembly.AddNodes(world, _ => nodeOptions);
        var primary = PathAssembly.InitialPrimary(world);
        var endpoint = new EndpointRecord("primary endpoint", primary.Id);
        var controlPlane = new ManagedControlPlane(
            world.Network,
            ControlPlaneName,
            Options(settings),
            world.Nodes,
            endpoint,
            world.Recorder,
            world.AzPower);
        PathAssembly.AddClients(world, i => PathAssembly.EndpointClient(world, i, _ => endpoint.Current, spec.ClientSettingsOf(i).DnsTtl));
        world.Behaviour = new ElastiCacheBehaviour(controlPlane);

        PathAssembly.BootReplication(world, primary);
        controlPlane.Boot(primary, PathAssembly.Phase(world, "control-plane.phase", settings.HealthCheckInterval));
        PathAssembly.BootClients(world);
        var result = PathAssembly.Drive(
            world,
            options,
            controlPlane.CurrentPrimary,
            () => [PathAssembly.NodeHours(world)],
            () => world.Recorder.Promotions.Count);
        return PathAssembly.WithFact(result, controlPlane.RunningPrimaryFact);
    }

    /// <summary>The control plane's options from the scenario's <c>elasticache:</c> block.</summary>
    public static ControlPlaneOptions Options(ElastiCacheSettings settings) => new(
        Label: "ElastiCache",
        HealthCheckInterval: settings.HealthCheckInterval,
        FailureDetection: settings.FailureDetection,
        PromotionTime: settings.PromotionTime,
        EndpointUpdateDelay: settings.DnsUpdateDelay,
        Fencing: settings.Fencing,
        FencingDelay: settings.FencingDelay,
        ReplacementDelay: settings.ReplacementDelay,
        PlannedFailoverTimeout: settings.PlannedFailoverTimeout,
        RepointBeforePlannedSwap: true);
}
