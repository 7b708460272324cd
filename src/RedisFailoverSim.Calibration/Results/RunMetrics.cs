namespace RedisFailoverSim.Calibration.Results;

/// <summary>
/// The metrics of one run, model or real, with the definitions of <c>rfsim --help</c>: acknowledged-lost = acknowledged
/// writes absent from the final converged dataset; control-plane failover = fault → first <c>+switch-master</c>;
/// client-observed failover = fault → first write acknowledged by the new primary; latency from the intended start.
/// </summary>
/// <param name="Side"><c>model</c> or <c>real</c>.</param>
/// <param name="Run">Real run number (1-based) or model seed.</param>
/// <param name="FailoverHappened">True when a new primary was chosen after the fault.</param>
/// <param name="NewPrimary">The node promoted, or null.</param>
/// <param name="ControlPlaneSeconds">Fault → first <c>+switch-master</c>, or null.</param>
/// <param name="PromotionSeconds">Fault → promotion (model: the replica's REPLICAOF NO ONE; real: the leader's <c>+failover-state-wait-promotion</c>, REPLICAOF NO ONE sent), or null.</param>
/// <param name="ClientObservedSeconds">Fault → first write acknowledged by the new primary, or null.</param>
/// <param name="Attempted">Writes issued.</param>
/// <param name="Acknowledged">Writes with a success reply.</param>
/// <param name="AcknowledgedLost">Acknowledged writes absent from the final dataset.</param>
/// <param name="Failed">Error replies, or never sent.</param>
/// <param name="Unknown">Outcome never learned.</param>
/// <param name="UnknownPresent">Unknown, yet in the final dataset.</param>
/// <param name="LatencyP50Ms">Median latency of acknowledged writes.</param>
/// <param name="LatencyP99Ms">99th percentile.</param>
/// <param name="LatencyP999Ms">99.9th percentile.</param>
/// <param name="LatencyMaxMs">Maximum.</param>
/// <param name="SplitBrainSeconds">Time two or more nodes accepted writes as primary (real: to within the 200 ms polling period).</param>
/// <param name="Converged">True when replication converged before the bound.</param>
public sealed record RunMetrics(
    string Side,
    ulong Run,
    bool FailoverHappened,
    string? NewPrimary,
    double? ControlPlaneSeconds,
    double? PromotionSeconds,
    double? ClientObservedSeconds,
    long Attempted,
    long Acknowledged,
    long AcknowledgedLost,
    long Failed,
    long Unknown,
    long UnknownPresent,
    double LatencyP50Ms,
    double LatencyP99Ms,
    double LatencyP999Ms,
    double LatencyMaxMs,
    double SplitBrainSeconds,
    bool Converged);
