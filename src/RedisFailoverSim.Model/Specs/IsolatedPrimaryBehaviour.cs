namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// What happens to an ElastiCache primary the control plane has failed over but cannot reach over the network
/// (ASSUMPTION A19: AWS does not document it).
/// </summary>
public enum IsolatedPrimaryBehaviour
{
    /// <summary>
    /// The control plane takes the failed primary offline out of band (through the EC2 host, not the data network)
    /// before it promotes a replica, as the documented sequence "failed primary taken offline → replica promoted"
    /// reads (docs/sources.md §4.2): no two primaries ever accept writes at once.
    /// </summary>
    TakenOffline,

    /// <summary>
    /// The old primary keeps running and keeps acknowledging the clients that still reach it until the control plane
    /// reaches it over the network and demotes it (Sentinel's behaviour, docs/sources.md §1.3): split brain.
    /// </summary>
    KeepsWriting,
}
