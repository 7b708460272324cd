namespace RedisFailoverSim.Calibration.Results;

/// <summary>Nearest-rank percentiles of a set of latencies (exact; the model's HdrHistogram keeps 3 significant digits).</summary>
internal static class LatencyPercentiles
{
    /// <summary>The value below or at which <paramref name="percentile"/> % of <paramref name="sorted"/> lie (0 when empty).</summary>
    public static double At(IReadOnlyList<double> sorted, double percentile)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }

        int rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)], 3);
    }
}
