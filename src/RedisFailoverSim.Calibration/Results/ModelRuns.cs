using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;

namespace RedisFailoverSim.Calibration.Results;

/// <summary>Runs the simulator's self-hosted path on the same world for each seed and reads the same metrics.</summary>
internal static class ModelRuns
{
    /// <summary>One run per seed; the first keeps its samples (for the per-write CSV).</summary>
    public static IReadOnlyList<(RunMetrics Metrics, PathResult Result)> Run(WorldSpec world, IReadOnlyList<ulong> seeds)
    {
        var runs = new List<(RunMetrics, PathResult)>();
        for (int i = 0; i < seeds.Count; i++)
        {
            var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, world, seeds[i], new RunOptions(KeepSamples: i == 0));
            runs.Add((Metrics(result, seeds[i]), result));
        }

        return runs;
    }

    /// <summary>
    /// The model's result in calibration terms: control plane = fault → first <c>+switch-master</c> (what the real
    /// side can observe), promotion = fault → REPLICAOF NO ONE.
    /// </summary>
    public static RunMetrics Metrics(PathResult result, ulong seed) => new(
        Side: "model",
        Run: seed,
        FailoverHappened: result.Failover is not null,
        NewPrimary: result.Failover?.NewPrimary,
        ControlPlaneSeconds: result.Failover?.SwitchMasterSeconds is { } s ? Math.Round(s, 3) : null,
        PromotionSeconds: result.Failover is { } f ? Math.Round(f.ControlPlaneSeconds, 3) : null,
        ClientObservedSeconds: result.Failover?.ClientObservedSeconds is { } c ? Math.Round(c, 3) : null,
        Attempted: result.Writes.Attempted,
        Acknowledged: result.Writes.Acknowledged,
        AcknowledgedLost: result.Writes.AcknowledgedLost,
        Failed: result.Writes.Failed,
        Unknown: result.Writes.Unknown,
        UnknownPresent: result.Writes.UnknownPresent,
        LatencyP50Ms: result.Latency.P50,
        LatencyP99Ms: result.Latency.P99,
        LatencyP999Ms: result.Latency.P999,
        LatencyMaxMs: result.Latency.Max,
        SplitBrainSeconds: Math.Round(result.SplitBrainSeconds, 3),
        Converged: result.Converged);
}
