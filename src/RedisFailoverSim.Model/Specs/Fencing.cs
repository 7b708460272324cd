namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// What a managed control plane does to a primary it fails over while that primary may still run (it only stopped
/// answering health checks, e.g. behind a partition). AWS does not document it (ASSUMPTION A19).
/// </summary>
public enum Fencing
{
    /// <summary>
    /// The control plane powers the failed primary off out of band (through its EC2 host, not the data network), as the
    /// documented sequence "failed primary taken offline → replica promoted" reads (docs/sources.md §4.2): after
    /// <c>fencing-delay</c> (0: before the promotion) no two primaries accept writes.
    /// </summary>
    PowerOff,

    /// <summary>
    /// No fencing: the old primary keeps acknowledging the clients that still reach it until the control plane reaches
    /// it over the network and demotes it (Sentinel's behaviour, docs/sources.md §1.3): split brain.
    /// </summary>
    None,
}
