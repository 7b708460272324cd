using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>How long a run may go on after the workload and faults end, waiting for replication to converge.</summary>
/// <param name="ConvergenceBound">The longest wait after the last write and last heal; past it the run reports "not converged".</param>
/// <param name="Audit">Keep and check the exact per-write ledger (always on for now).</param>
public sealed record RunSettings(SimDuration ConvergenceBound, bool Audit = true)
{
    /// <summary>Ten minutes: longer than any Sentinel fix-up (failover-timeout 3 min) plus a full sync.</summary>
    public static RunSettings Default { get; } = new(SimDuration.FromMinutes(10));
}
