using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;
using RedisFailoverSim.Paths.TransactionLog;

namespace RedisFailoverSim.Paths.ElastiCache;

/// <summary>
/// ElastiCache node-based with <c>durability: sync|async</c> (Valkey 9.0 and later, docs/sources.md §4.5, §4.8): the
/// shard runs on the Multi-AZ transaction log as MemoryDB's does (ASSUMPTION A97: the same log, lease failover and
/// replacement from the log, with MemoryDB's defaults), so a failed primary is replaced by a replica that caught up
/// with the log. <c>sync</c> acknowledges once a quorum of AZs holds a write; <c>async</c> acknowledges at once and
/// refuses writes while the oldest one the log does not hold is older than 10 s. Clients reach the primary through
/// the primary endpoint's DNS name with their DNS TTL (docs/sources.md §9.1), re-pointed when a node wins the log
/// (ASSUMPTION A98).
/// </summary>
internal static class DurableElastiCachePath
{
    public static PathResult Run(WorldSpec spec, ulong seed, RunOptions options)
    {
        var settings = spec.Paths.ElastiCache;
        var log = LogSettings(settings);
        var world = new SimWorld(LogPathAssembly.WithoutNodeDurability(spec), seed, DeploymentPaths.ElastiCache);
        var endpoint = new EndpointRecord("primary endpoint", default);
        var acknowledgeBeforeLog = settings.Durability == ElastiCacheDurability.Async ? ElastiCacheSettings.AsyncDurabilityBuffer : (Engine.Time.SimDuration?)null;
        var shard = LogPathAssembly.AddShard(world, log, endpoint, "ElastiCache", acknowledgeBeforeLog, new RedisNodeOptions(settings.CloseOnReplicaWrite));
        var primary = PathAssembly.InitialPrimary(world);
        endpoint.PointTo(primary.Id);
        PathAssembly.AddClients(world, i => PathAssembly.EndpointClient(world, i, _ => endpoint.Current, spec.ClientSettingsOf(i).DnsTtl));
        world.Behaviour = new LogShardBehaviour(DeploymentPaths.ElastiCache, world, shard.Agents, endpoint, settings.PlannedFailoverTimeout);
        var replacer = new NodeReplacer(world.Simulation, world.Nodes, settings.ReplacementDelay, world.AzPower, world.Recorder, "elasticache");
        LogPathAssembly.Boot(world, shard, primary);
        replacer.Start();
        PathAssembly.BootClients(world);
        return PathAssembly.Drive(
            world,
            options,
            () => LogPathAssembly.MostAdvanced(world),
            () => [PathAssembly.NodeHours(world)],
            () => world.Recorder.Promotions.Count);
    }

    /// <summary>
    /// ASSUMPTION A97: ElastiCache's log is MemoryDB's ("persisted across at least two AZs", docs/sources.md §4.5),
    /// with MemoryDB's defaults (A25-A28), and failed nodes replaced after <c>elasticache.replacement-delay</c>.
    /// </summary>
    public static MemoryDbSettings LogSettings(ElastiCacheSettings settings) =>
        MemoryDbSettings.Default with { ReplacementDelay = settings.ReplacementDelay };
}
