using RedisFailoverSim.Calibration.Results;

namespace RedisFailoverSim.Tests.Calibration;

/// <summary>
/// The verdicts (issue 13): bands from the real runs, relative with small floors — ±20 % of the real mean for times
/// (floor 1.65 s, half Sentinel's 3.3 s window, docs/sources.md §2.11) and write counts (floor 1 % of attempted), P50
/// ±30 % or 1 ms, P99 within the real min-max widened by 30 % — and "one side failed over, the other did not".
/// </summary>
public class ComparisonTests
{
    [Fact]
    public void Rows_ModelSwitchMasterOnePointFiveSecondsEarlier_ControlPlaneAgreesWithinTwentyPercent()
    {
        var rows = Comparison.Rows([Metrics("model", switchMaster: 7.0)], [Metrics("real", switchMaster: 8.5)]);
        var row = rows.Single(r => r.Metric == "controlPlaneFailoverSeconds");
        Assert.Equal(-1.5, row.Difference);
        Assert.Equal(-17.6, row.DifferencePercent);
        Assert.Equal(1.7, row.Tolerance);
        Assert.Equal((6.8, 10.2), (row.AgreeLow!.Value, row.AgreeHigh!.Value));
        Assert.Equal(true, row.Agrees);
    }

    [Fact]
    public void Rows_ShortFailoverTwoSecondsOff_DiffersBeyondTheFloor()
    {
        // 20 % of 5.5 s is 1.1 s, below the 1.65 s floor; 2 s is beyond both (the old rule allowed max(2 s, 25 %)).
        var rows = Comparison.Rows([Metrics("model", switchMaster: 7.5)], [Metrics("real", switchMaster: 5.5)]);
        var row = rows.Single(r => r.Metric == "controlPlaneFailoverSeconds");
        Assert.Equal(1.65, row.Tolerance);
        Assert.Equal(false, row.Agrees);
    }

    [Fact]
    public void Rows_ThirtySecondFailoverTenSecondsLate_Differs()
    {
        // 20 % of the real 42 s is 8.4 s: a 10 s difference is beyond it.
        var rows = Comparison.Rows([Metrics("model", switchMaster: 32)], [Metrics("real", switchMaster: 42)]);
        var row = rows.Single(r => r.Metric == "controlPlaneFailoverSeconds");
        Assert.Equal(8.4, row.Tolerance);
        Assert.Equal(false, row.Agrees);
    }

    [Fact]
    public void Rows_ModelFailsOverRealDoesNot_FailoverAndTimesDiffer()
    {
        var rows = Comparison.Rows([Metrics("model", switchMaster: 7.0)], [Metrics("real", switchMaster: null)]);
        Assert.Equal(false, rows.Single(r => r.Metric == "failovers").Agrees);
        Assert.Equal(false, rows.Single(r => r.Metric == "controlPlaneFailoverSeconds").Agrees);
    }

    [Fact]
    public void Rows_NeitherFailsOver_FailoverTimesAgreeAsAbsent()
    {
        var rows = Comparison.Rows([Metrics("model", switchMaster: null)], [Metrics("real", switchMaster: null)]);
        var row = rows.Single(r => r.Metric == "clientObservedFailoverSeconds");
        Assert.Null(row.ModelMean);
        Assert.Equal(true, row.Agrees);
    }

    [Fact]
    public void Rows_AcknowledgedWithinTwentyPercentOfReal_Agrees()
    {
        // 20 % of the real 985 is 197 writes (more than 1 % of 1 200 attempted).
        var rows = Comparison.Rows([Metrics("model", switchMaster: 7, acked: 1100)], [Metrics("real", switchMaster: 7, acked: 985)]);
        var row = rows.Single(r => r.Metric == "acknowledged");
        Assert.Equal(197, row.Tolerance);
        Assert.Equal(true, row.Agrees);
    }

    [Fact]
    public void Rows_RealLosesNothingModelLosesThirty_LostDiffersBeyondOnePercentOfAttempted()
    {
        // Around 0 the floor is 1 % of the 1 200 writes attempted: 12, not "±600 writes around 0".
        var rows = Comparison.Rows([Metrics("model", switchMaster: 7, lost: 30)], [Metrics("real", switchMaster: 7, lost: 0)]);
        var row = rows.Single(r => r.Metric == "acknowledgedLost");
        Assert.Equal(12, row.Tolerance);
        Assert.Equal(false, row.Agrees);
        Assert.Equal(true, Comparison.Rows([Metrics("model", switchMaster: 7, lost: 10)], [Metrics("real", switchMaster: 7, lost: 0)])
            .Single(r => r.Metric == "acknowledgedLost").Agrees);
    }

    [Fact]
    public void Rows_FailedAndUnknownAreJudgedLikeTheOtherCounts()
    {
        // Failed is 1 200 − acked in these runs: 100 (model) vs 300 (real), beyond 20 % of 300.
        var rows = Comparison.Rows([Metrics("model", switchMaster: 7, acked: 1100)], [Metrics("real", switchMaster: 7, acked: 900)]);
        var failed = rows.Single(r => r.Metric == "failed");
        Assert.Equal(60, failed.Tolerance);
        Assert.Equal(false, failed.Agrees);
        Assert.Equal(true, rows.Single(r => r.Metric == "unknown").Agrees);
    }

    [Theory]
    [InlineData(1.44, 0.44, 1.0, true)]   // 30 % of 0.44 ms is below the 1 ms floor
    [InlineData(1.5, 0.44, 1.0, false)]
    [InlineData(12.5, 10, 3.0, true)]     // 30 % of 10 ms
    [InlineData(6.5, 10, 3.0, false)]
    public void Rows_LatencyP50_ThirtyPercentOrOneMillisecond(double model, double real, double tolerance, bool agrees)
    {
        var rows = Comparison.Rows([Metrics("model", switchMaster: 7, p50: model)], [Metrics("real", switchMaster: 7, p50: real)]);
        var row = rows.Single(r => r.Metric == "latencyP50Ms");
        Assert.Equal(tolerance, row.Tolerance);
        Assert.Equal(agrees, row.Agrees);
    }

    [Theory]
    [InlineData(2.4, true)]
    [InlineData(1.5, true)]    // 0.7 × 2 ms = 1.4 ms
    [InlineData(1.3, false)]
    [InlineData(14.3, true)]   // 1.3 × 11 ms
    [InlineData(20, false)]
    public void Rows_LatencyP99_WithinTheRealRangeWidenedByThirtyPercent(double model, bool agrees)
    {
        var rows = Comparison.Rows(
            [Metrics("model", switchMaster: 7, p99: model)],
            [Metrics("real", switchMaster: 7, p99: 2), Metrics("real", switchMaster: 7, p99: 11), Metrics("real", switchMaster: 7, p99: 5)]);
        var row = rows.Single(r => r.Metric == "latencyP99Ms");
        Assert.Null(row.Tolerance);
        Assert.Equal((1.4, 14.3), (row.AgreeLow!.Value, row.AgreeHigh!.Value));
        Assert.Equal(agrees, row.Agrees);
    }

    private static RunMetrics Metrics(string side, double? switchMaster, long acked = 1000, long lost = 0, double p50 = 0.5, double p99 = 10) => new(
        side, 1, switchMaster is not null, switchMaster is null ? null : "n2", switchMaster, switchMaster - 1, switchMaster + 0.1,
        1200, acked, lost, 1200 - acked, 0, 0, p50, p99, 20, 30, 0, true);
}
