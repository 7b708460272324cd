namespace RedisFailoverSim.Model.Metrics;

/// <summary>How long the failover took, both views (the metric definitions of <c>rfsim --help</c>).</summary>
/// <param name="ClientObservedSeconds">Fault → first write acknowledged by the new primary (null if none was).</param>
/// <param name="ControlPlaneSeconds">Fault → promotion of the new primary.</param>
/// <param name="SwitchMasterSeconds">Fault → first <c>+switch-master</c> (self-hosted) or endpoint re-pointed (AWS).</param>
/// <param name="NewPrimary">The node promoted.</param>
public sealed record FailoverMetrics(
    double? ClientObservedSeconds,
    double ControlPlaneSeconds,
    double? SwitchMasterSeconds,
    string NewPrimary);
