using RedisFailoverSim.Calibration.Results;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>Everything one real run produced.</summary>
/// <param name="Metrics">The metrics, same definitions as the model's.</param>
/// <param name="Faults">The faults as applied.</param>
/// <param name="Events">Every Sentinel event received.</param>
/// <param name="Roles">Every change of node role seen by the poller.</param>
/// <param name="Writes">Every write.</param>
/// <param name="Reasons">Why writes failed or were unknown, with counts.</param>
/// <param name="ConvergenceNote">Empty when replication converged; otherwise what was still missing at the bound.</param>
/// <param name="UnidentifiedConnections">Proxied connections whose source could not be identified (never cut; should be 0).</param>
/// <param name="UnmappedClientConnections">Client connections that bypassed the tunnels (should be 0).</param>
/// <param name="StartupSeconds">How long the cluster took to become ready.</param>
/// <param name="LoadAverage">The machine's load average when the run started (1, 5, 15 min).</param>
/// <param name="Runtime">How rfsim's own process fared (thread pool, CPU starvation).</param>
/// <param name="UnidentifiedSources">For each unidentified connection: the proxy's member and the peer's port.</param>
/// <param name="Directory">Configuration files and logs of the run.</param>
/// <param name="ProbeRoundTripsMs">PING round trips from every client to the primary through its tunnel, before the
/// workload: the test bed's network as the clients see it (ms, in the order measured).</param>
internal sealed record RealRunResult(
    RunMetrics Metrics,
    IReadOnlyList<RealFaultWindow> Faults,
    IReadOnlyList<SentinelEvent> Events,
    IReadOnlyList<NodeObservation> Roles,
    IReadOnlyList<RealWrite> Writes,
    IReadOnlyDictionary<string, int> Reasons,
    string ConvergenceNote,
    int UnidentifiedConnections,
    int UnmappedClientConnections,
    double StartupSeconds,
    string LoadAverage,
    RuntimeReport Runtime,
    IReadOnlyList<string> UnidentifiedSources,
    string Directory,
    IReadOnlyList<double> ProbeRoundTripsMs);
