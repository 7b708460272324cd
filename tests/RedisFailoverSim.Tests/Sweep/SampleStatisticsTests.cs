using RedisFailoverSim.Reporting.Sweep;

namespace RedisFailoverSim.Tests.Sweep;

public sealed class SampleStatisticsTests
{
    [Fact]
    public void Summarize_OneToFive_GivesMeanThreeAndTheStudentTInterval()
    {
        var summary = SampleStatistics.Summarize([5, 1, 4, 2, 3]);

        Assert.Equal(5, summary.Count);
        Assert.Equal(3.0, summary.Mean);
        Assert.Equal(1.5811388300841898, summary.StdDev!.Value, precision: 12);

        // t(0.975, 4) = 2.7764451052; half-width = t * s / sqrt(5) = 1.9632431615.
        Assert.Equal(1.0367568385, summary.Ci95Low!.Value, precision: 8);
        Assert.Equal(4.9632431615, summary.Ci95High!.Value, precision: 8);
        Assert.Equal(1.0, summary.Min);
        Assert.Equal(3.0, summary.P50!.Value, precision: 12);
        Assert.Equal(4.6, summary.P90!.Value, precision: 12);
        Assert.Equal(4.96, summary.P99!.Value, precision: 12);
        Assert.Equal(5.0, summary.Max);
    }

    [Fact]
    public void Summarize_EightValues_IntervalUsesSevenDegreesOfFreedom()
    {
        var summary = SampleStatistics.Summarize([12, 15, 9, 20, 17, 11, 14, 16]);

        Assert.Equal(14.25, summary.Mean);
        Assert.Equal(11.2942196855, summary.Ci95Low!.Value, precision: 8);
        Assert.Equal(17.2057803145, summary.Ci95High!.Value, precision: 8);
        Assert.Equal(2.3646242516, SampleStatistics.TQuantile(7), precision: 8);
    }

    [Fact]
    public void Summarize_OneValue_HasNoIntervalAndNoSpread()
    {
        var summary = SampleStatistics.Summarize([42]);

        Assert.Equal(new MetricSummary(1, 42, null, null, null, 42, 42, 42, 42, 42), summary);
    }

    [Fact]
    public void Summarize_Empty_IsEmpty()
    {
        Assert.Same(MetricSummary.Empty, SampleStatistics.Summarize([]));
    }

    [Fact]
    public void Percentile_Interpolates_BetweenOrderStatistics()
    {
        double[] sorted = [10, 20, 30, 40];

        Assert.Equal(10.0, SampleStatistics.Percentile(sorted, 0));
        Assert.Equal(25.0, SampleStatistics.Percentile(sorted, 0.5), precision: 12);
        Assert.Equal(37.0, SampleStatistics.Percentile(sorted, 0.9), precision: 12);
        Assert.Equal(40.0, SampleStatistics.Percentile(sorted, 1));
    }
}
