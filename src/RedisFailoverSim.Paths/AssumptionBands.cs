using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Paths;

/// <summary>
/// Runs a path again under the other choices of an assumption its result depended on, and attaches the band. Today:
/// the fencing of a failed-over primary that still ran (A19 for ElastiCache, A23 for Serverless), which the result
/// reports as the fact <c>failedOverRunningPrimary</c>. Runs without that fact are returned unchanged.
/// </summary>
public static class AssumptionBands
{
    /// <summary>
    /// The result with its bands. <paramref name="run"/> runs one path (the caller's runner, so tests and the CLI use
    /// the same one); the extra runs keep no samples.
    /// </summary>
    public static PathResult With(PathResult result, WorldSpec world, ulong seed, Func<string, WorldSpec, ulong, RunOptions, PathResult> run)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(run);
        if (!result.Facts.Any(f => f.Key == ManagedControlPlane.RunningPrimaryFactKey && f.Value))
        {
            return result;
        }

        var (current, block) = result.Path switch
        {
            DeploymentPaths.ElastiCache => (world.Paths.ElastiCache.Fencing, ElastiCacheSettings.BlockName),
            DeploymentPaths.Serverless => (world.Paths.Serverless.Fencing, ServerlessSettings.BlockName),
            _ => (Fencing.PowerOff, ""),
        };
        if (block.Length == 0)
        {
            return result;
        }

        var cases = new List<BandCase>();
        foreach (var (name, value) in ElastiCacheSettings.FencingChoices)
        {
            var outcome = value == current ? result : run(result.Path, WithFencing(world, result.Path, value), seed, new RunOptions(KeepSamples: false));
            var condition = value == Fencing.PowerOff ? "if the control plane fences the old primary" : "if not";
            cases.Add(new BandCase(name, condition, outcome.Writes.AcknowledgedLost, outcome.Writes.Acknowledged, outcome.SplitBrainSeconds, value == current));
        }

        var assumption = result.Path == DeploymentPaths.ElastiCache ? "A19" : "A23";
        return result with { Bands = [.. result.Bands, new AssumptionBand(assumption, block + ".fencing", cases)] };
    }

    private static WorldSpec WithFencing(WorldSpec world, string path, Fencing fencing)
    {
        var paths = world.Paths;
        paths = path == DeploymentPaths.ElastiCache
            ? paths with { ElastiCache = paths.ElastiCache with { Fencing = fencing } }
            : paths with { Serverless = paths.Serverless with { Fencing = fencing } };
        return world with { Paths = paths };
    }
}
