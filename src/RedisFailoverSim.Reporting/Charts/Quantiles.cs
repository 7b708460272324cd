namespace RedisFailoverSim.Reporting.Charts;

/// <summary>Quantiles of sorted samples for the charts' lines (the report's numbers come from the model's histogram).</summary>
internal static class Quantiles
{
    /// <summary>The nearest-rank quantile of <paramref name="sorted"/> (ascending, not empty).</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double quantile)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        int rank = (int)Math.Ceiling(quantile * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
