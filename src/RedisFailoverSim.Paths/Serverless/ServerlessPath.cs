using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Serverless;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths.Serverless;

/// <summary>
/// ElastiCache Serverless, assembled from model components: clients talk to the proxy of their AZ (docs/sources.md §5);
/// behind the proxies the scenario's nodes form the shard, asynchronously replicated across the AZs (ASSUMPTION
/// A24: one shard; scaling adds capacity, not shards), with a managed failover behind the proxy (A23). Capacity in
/// ECPU/s scales at a finite rate (A21) and throttles what it cannot serve (A22). Usage: ECPUs and GB-hours.
/// </summary>
internal static class ServerlessPath
{
    /// <summary>The control plane's member name (a partition group may name it).</summary>
    public const string ControlPlaneName = ServiceMembers.ServerlessControlPlane;

    public static PathResult Run(WorldSpec spec, ulong seed, RunOptions options)
    {
        if (spec.Cluster is not null)
        {
            return ServerlessClusterPath.Run(spec, seed, options);
        }

        var settings = spec.Paths.Serverless;
        var world = new SimWorld(spec, seed, DeploymentPaths.Serverless);
        PathAssembly.AddNodes(world, _ => RedisNodeOptions.OpenSource with { RecoverStreamGaps = true, DisconnectReplicasOnPromotion = true });
        var primary = PathAssembly.InitialPrimary(world);
        var route = new EndpointRecord("proxy route", primary.Id);
        var controlPlane = new ManagedControlPlane(
            world.Network,
            ControlPlaneName,
            Options(settings),
            world.Nodes,
            route,
            world.Recorder,
            world.AzPower);
        var capacity = new ServerlessCapacity(
            world.Simulation,
            settings,
            world.Recorder,
            () => spec.Redis.BaseDatasetBytes + (controlPlane.CurrentPrimary()?.Offset ?? 0));

        // docs/sources.md §5: 1 ECPU per KB transferred, at least 1 per request; ASSUMPTION A34: a write transfers its value.
        var proxies = AddProxies(world, capacity, new ServiceSlotMap([route]));
        PathAssembly.AddClients(world, i => PathAssembly.EndpointClient(world, i, az => ProxyFor(proxies, az), spec.ClientSettingsOf(i).DnsTtl));
        world.Behaviour = new ServerlessBehaviour([controlPlane], _ => 0);

        PathAssembly.BootReplication(world, primary);
        controlPlane.Boot(primary, PathAssembly.Phase(world, "control-plane.phase", settings.HealthCheckInterval));
        capacity.Start();
        PathAssembly.BootClients(world);
        var result = PathAssembly.Drive(
            world,
            options,
            controlPlane.CurrentPrimary,
            () => Usage(capacity),
            () => world.Recorder.Promotions.Count);
        return PathAssembly.WithFact(result, controlPlane.RunningPrimaryFact);
    }

    /// <summary>One proxy per AZ in front of the shards <paramref name="routes"/> names, sharing the cache's capacity.</summary>
    internal static List<ServerlessProxy> AddProxies(
        SimWorld world, ServerlessCapacity capacity, ServiceSlotMap routes, ServerlessKeys? keys = null, SlotCeiling? ceiling = null)
    {
        // docs/sources.md §5: 1 ECPU per KB, at least 1 per request; ASSUMPTION A34: a write transfers its value.
        var spec = world.Spec;
        double ecpusPerWrite = Math.Max(1.0, spec.Workload.ValueBytes / 1024.0);
        var failover = new ProxyFailover(world.Ledger, world.Recorder, spec.Paths.Serverless.ProxyHold);
        var proxies = new List<ServerlessProxy>();
        for (int az = 0; az < spec.Azs.Count; az++)
        {
            proxies.Add(new ServerlessProxy(world.Network, "proxy-" + spec.Azs[az], az, capacity, routes, ecpusPerWrite, failover, keys, ceiling));
        }

        return proxies;
    }

    /// <summary>ASSUMPTION A24: the endpoint answers the client's own AZ's proxy, or the first one with power.</summary>
    internal static MemberId ProxyFor(IReadOnlyList<ServerlessProxy> proxies, int clientAz)
    {
        if (clientAz >= 0 && clientAz < proxies.Count && proxies[clientAz].Host == HostState.Up)
        {
            return proxies[clientAz].Id;
        }

        foreach (var proxy in proxies)
        {
            if (proxy.Host == HostState.Up)
            {
                return proxy.Id;
            }
        }

        return MemberId.None;
    }

    internal static List<KeyValuePair<string, double>> Usage(ServerlessCapacity capacity) =>
    [
        new("ecpus", Math.Round(capacity.EcpusConsumed, 3)),
        new("requests", capacity.RequestsServed),
        new("requests-throttled", capacity.RequestsThrottled),
        new("peak-ecpu-per-second", capacity.PeakEcpuPerSecond),
        new("gb-hours", Math.Round(capacity.GbHours, 6)),
    ];

    /// <summary>The control plane's options from the scenario's <c>serverless:</c> block (assumption A23).</summary>
    public static ControlPlaneOptions Options(ServerlessSettings settings) => new(
        Label: "Serverless",
        HealthCheckInterval: settings.HealthCheckInterval,
        FailureDetection: settings.FailureDetection,
        PromotionTime: settings.PromotionTime,
        EndpointUpdateDelay: Engine.Time.SimDuration.Zero,
        Fencing: settings.Fencing,
        FencingDelay: settings.FencingDelay,
        ReplacementDelay: settings.ReplacementDelay,
        PlannedFailoverTimeout: ElastiCacheSettings.Default.PlannedFailoverTimeout,
        RepointBeforePlannedSwap: false);
}
