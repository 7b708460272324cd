namespace RedisFailoverSim.Model.ControlPlane;

/// <summary>What a managed control plane is doing.</summary>
public enum ControlPlanePhase
{
    /// <summary>Health-checking and reconciling; no failover under way.</summary>
    Monitoring,

    /// <summary>An unplanned failover: the replica is being promoted.</summary>
    Promoting,

    /// <summary>The replica was promoted; the endpoint is being re-pointed.</summary>
    Repointing,

    /// <summary>A planned (coordinated) failover is under way.</summary>
    PlannedFailover,
}
