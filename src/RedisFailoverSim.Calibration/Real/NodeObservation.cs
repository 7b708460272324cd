namespace RedisFailoverSim.Calibration.Real;

/// <summary>A change in what one node reported (only changes are kept).</summary>
/// <param name="Seconds">When it was seen, seconds from the run's zero.</param>
/// <param name="Node">The node.</param>
/// <param name="Role">Its role.</param>
/// <param name="Accepting">True when it is a primary that accepts writes (enough good replicas for <c>min-replicas-to-write</c>).</param>
/// <param name="MasterPort">For a replica: the announced port of the primary it follows, else 0.</param>
/// <param name="LinkUp">For a replica: <c>master_link_status:up</c>.</param>
internal sealed record NodeObservation(double Seconds, string Node, ObservedRole Role, bool Accepting, int MasterPort, bool LinkUp);
