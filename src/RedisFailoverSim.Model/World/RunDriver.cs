using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.World;

/// <summary>
/// Runs an assembled world: faults at their times, the workload to its end, then on until replication has
/// converged (checked every second, up to the run's bound), and builds the result.
/// </summary>
public static class RunDriver
{
    private static readonly SimDuration CheckPeriod = SimDuration.FromSeconds(1);

    /// <summary>Runs the world to convergence and returns its result.</summary>
    /// <param name="world">The assembled, booted world.</param>
    /// <param name="keepSamples">Keep every write for charts.</param>
    /// <param name="progress">Told the fraction of the planned simulated time done.</param>
    /// <param name="finalDatasetWhenSplit">Chooses the surviving dataset when several primaries remain at the bound.</param>
    /// <param name="usage">Path-specific quantities to report, computed at the end.</param>
    /// <param name="finalEpoch">The path's final epoch, computed at the end.</param>
    /// <param name="shardDatasets">For a cluster: the surviving primary of each shard (replaces the single survivor).</param>
    public static PathResult Run(
        SimWorld world,
        bool keepSamples,
        IProgress<double>? progress,
        Func<RedisNode?> finalDatasetWhenSplit,
        Func<IReadOnlyList<KeyValuePair<string, double>>> usage,
        Func<long> finalEpoch,
        Func<IReadOnlyList<RedisNode>>? shardDatasets = null)
    {
        var faults = new FaultInjector(world);
        faults.ScheduleAll();
        var spec = world.Spec;
        var horizon = SimTime.FromStart(spec.Workload.Duration);
        foreach (var fault in spec.Faults)
        {
            horizon = SimTime.Max(horizon, fault.HealsAt ?? fault.At);
        }

        var bound = horizon + spec.Run.ConvergenceBound;
        var sim = world.Simulation;
        var step = SimDuration.FromNanoseconds(Math.Max(CheckPeriod.Nanoseconds, horizon.Nanoseconds / 100));
        while (sim.Now < horizon)
        {
            sim.RunUntil(SimTime.Min(horizon, sim.Now + step));
            progress?.Report(Math.Min(1.0, sim.Now.Nanoseconds / (double)horizon.Nanoseconds));
        }

        bool converged = false;
        while (sim.Now < bound)
        {
            if (Convergence.IsConverged(world, faults, world.Ledger.PendingCount))
            {
                converged = true;
                break;
            }

            sim.RunUntil(sim.Now + CheckPeriod);
        }

        converged = converged || Convergence.IsConverged(world, faults, world.Ledger.PendingCount);
        progress?.Report(1.0);
        IReadOnlyList<History> datasets;
        if (shardDatasets is not null)
        {
            datasets = shardDatasets().Select(n => n.Dataset).ToList();
        }
        else
        {
            var survivor = Convergence.SinglePrimary(world) ?? finalDatasetWhenSplit();
            datasets = survivor is null ? [] : [survivor.Dataset];
        }

        return ResultBuilder.Build(world, faults, datasets, converged, keepSamples, usage(), finalEpoch());
    }
}
