namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// Every write of a run, column-wise (for charts). Index i is write i in issue order.
/// </summary>
/// <param name="IntendedStartSeconds">When the write was meant to start.</param>
/// <param name="LatencyMilliseconds">Intended start → outcome known (for unknown writes: → given up).</param>
/// <param name="Outcomes">How each ended.</param>
/// <param name="Lost">True for acknowledged writes absent from the final dataset.</param>
/// <param name="Client">Index of the issuing client.</param>
/// <param name="AckedBy">Index of the node that acknowledged it, or -1.</param>
public sealed record WriteSamples(
    double[] IntendedStartSeconds,
    double[] LatencyMilliseconds,
    WriteOutcome[] Outcomes,
    bool[] Lost,
    int[] Client,
    int[] AckedBy)
{
    /// <summary>Number of writes.</summary>
    public int Count => Outcomes.Length;
}
