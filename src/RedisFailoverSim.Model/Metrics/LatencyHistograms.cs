using HdrHistogram;

namespace RedisFailoverSim.Model.Metrics;

/// <summary>The one histogram configuration of write latencies: 1 ns to 1 hour, 3 significant digits.</summary>
internal static class LatencyHistograms
{
    public static LongHistogram New() => new(highestTrackableValue: 3_600_000_000_000L, numberOfSignificantValueDigits: 3);

    /// <summary>The percentiles in milliseconds (rounded to the microsecond), or <see cref="LatencySummary.Empty"/>.</summary>
    public static LatencySummary Summarize(LongHistogram h)
    {
        if (h.TotalCount == 0)
        {
            return LatencySummary.Empty;
        }

        static double Ms(long ns) => Math.Round(ns / 1e6, 3);
        return new LatencySummary(
            h.TotalCount,
            Ms(h.GetValueAtPercentile(50)),
            Ms(h.GetValueAtPercentile(99)),
            Ms(h.GetValueAtPercentile(99.9)),
            Ms(h.GetMaxValue()));
    }
}
