using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Paths;

/// <summary>The four deployment paths and the one way to run any of them.</summary>
public static class DeploymentPaths
{
    /// <summary>
    /// ElastiCache node-based, Multi-AZ with automatic failover: cluster mode disabled, or enabled for a <c>cluster:</c>
    /// scenario.
    /// </summary>
    public const string ElastiCache = "elasticache";

    /// <summary>ElastiCache Serverless.</summary>
    public const string Serverless = "serverless";

    /// <summary>Amazon MemoryDB.</summary>
    public const string MemoryDb = "memorydb";

    /// <summary>Redis OSS / Valkey on EC2 with Sentinel.</summary>
    public const string SelfHosted = "self-hosted";

    /// <summary>Every path, in report order.</summary>
    public static IReadOnlyList<string> All { get; } = [ElastiCache, Serverless, MemoryDb, SelfHosted];

    /// <summary>The paths that can run, in report order.</summary>
    public static IReadOnlyList<string> Available { get; } = [ElastiCache, Serverless, MemoryDb, SelfHosted];

    /// <summary>The paths that run a <c>cluster:</c> scenario (cluster mode enabled), in report order.</summary>
    public static IReadOnlyList<string> WithClusterMode { get; } = [ElastiCache, Serverless, MemoryDb, SelfHosted];

    /// <summary>
    /// The <c>cluster-*</c> keys <paramref name="path"/> runs <paramref name="cluster"/> with: the scenario's keys over
    /// the path's own defaults, since Redis OSS and ElastiCache differ (docs/sources.md §3.2, §4.9).
    /// </summary>
    public static ClusterSettings ClusterSettingsOf(string path, ClusterSpec cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return path == ElastiCache ? cluster.Given.Over(ClusterSettings.ElastiCacheDefault) : cluster.Settings;
    }

    /// <summary>
    /// Runs one path on a world with a seed. A pure function of its arguments: the same inputs give the
    /// same result, field for field.
    /// </summary>
    public static PathResult Run(string path, WorldSpec world, ulong seed, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(options);

        // The world keeps the exact ledger when its run settings ask for it (SimWorld reads them): the audit's full
        // histories only for --audit; charts keep every write's outcome and read presence from the final lineage.
        if (options.Audit && !world.Run.Audit)
        {
            world = world with { Run = world.Run with { Audit = true } };
        }
        else if (options.KeepSamples && !world.Run.Audit && !world.Run.KeepWrites)
        {
            world = world with { Run = world.Run with { KeepWrites = true } };
        }

        if (world.Cluster is not null && !WithClusterMode.Contains(path))
        {
            throw new ArgumentException($"path '{path}' has no cluster mode yet; a cluster: scenario runs on {string.Join(", ", WithClusterMode)}", nameof(path));
        }

        return path switch
        {
            ElastiCache => Paths.ElastiCache.ElastiCachePath.Run(world, seed, options),
            Serverless => Paths.Serverless.ServerlessPath.Run(world, seed, options),
            MemoryDb => Paths.MemoryDb.MemoryDbPath.Run(world, seed, options),
            SelfHosted => Paths.SelfHosted.SelfHostedPath.Run(world, seed, options),
            _ => throw new ArgumentException($"path '{path}' is not available yet; available: {string.Join(", ", Available)}", nameof(path)),
        };
    }
}
