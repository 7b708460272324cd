namespace RedisFailoverSim.Calibration.Real;

/// <summary>How rfsim's own process fared during a real run.</summary>
/// <param name="MaxPendingWorkItems">Most thread-pool work items queued at once.</param>
/// <param name="MaxThreadPoolThreads">Most thread-pool threads.</param>
/// <param name="MaxLagMs">Worst lateness of a 100 ms wake-up.</param>
/// <param name="Stalls">Intervals of starvation, as text.</param>
internal sealed record RuntimeReport(long MaxPendingWorkItems, int MaxThreadPoolThreads, double MaxLagMs, IReadOnlyList<string> Stalls);
