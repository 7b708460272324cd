using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>How long a run may go on after the workload and faults end, waiting for replication to converge.</summary>
/// <param name="ConvergenceBound">The longest wait after the last write and last heal; past it the run reports "not converged".</param>
/// <param name="Audit">
/// Keep the exact per-write ledger and check the compact accounting against it, as <c>--audit</c> does (off by default:
/// the compact accounting alone, flat in memory).
/// </param>
public sealed record RunSettings(SimDuration ConvergenceBound, bool Audit = false)
{
    /// <summary>
    /// Keep every write's outcome (the exact ledger) for the per-write charts and the trace, without the audit's full
    /// node histories: which writes the final dataset holds is read from its lineage of stamps (about 30 bytes a write
    /// instead of the audit's hundreds). Set by the run, not by scenarios.
    /// </summary>
    public bool KeepWrites { get; init; }

    /// <summary>Ten minutes: longer than any Sentinel fix-up (failover-timeout 3 min) plus a full sync.</summary>
    public static RunSettings Default { get; } = new(SimDuration.FromMinutes(10));
}
