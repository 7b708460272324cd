using RedisFailoverSim.Calibration.Results;

namespace RedisFailoverSim.Tests.Calibration;

/// <summary>The verdicts: tolerances from Sentinel's randomness, and "one side failed over, the other did not".</summary>
public class ComparisonTests
{
    [Fact]
    public void Rows_RealSwitchMasterOnePointFiveSecondsLater_ControlPlaneAgrees()
    {
        var rows = Comparison.Rows([Metrics("model", switchMaster: 7.0)], [Metrics("real", switchMaster: 8.5)], totalRate: 60);
        var row = rows.Single(r => r.Metric == "controlPlaneFailoverSeconds");
        Assert.Equal(1.5, row.Difference);
        Assert.Equal(21.4, row.DifferencePercent);
        Assert.Equal(2.0, row.Tolerance);
        Assert.Equal(true, row.Agrees);
    }

    [Fact]
    public void Rows_ThirtySecondFailoverTenSecondsLate_Differs()
    {
        // 25 % of 32 s is 8 s: a 10 s difference is beyond it.
        var rows = Comparison.Rows([Metrics("model", switchMaster: 32)], [Metrics("real", switchMaster: 42)], totalRate: 60);
        var row = rows.Single(r => r.Metric == "controlPlaneFailoverSeconds");
        Assert.Equal(8.0, row.Tolerance);
        Assert.Equal(false, row.Agrees);
    }

    [Fact]
    public void Rows_ModelFailsOverRealDoesNot_FailoverAndTimesDiffer()
    {
        var rows = Comparison.Rows([Metrics("model", switchMaster: 7.0)], [Metrics("real", switchMaster: null)], totalRate: 60);
        Assert.Equal(false, rows.Single(r => r.Metric == "failovers").Agrees);
        Assert.Equal(false, rows.Single(r => r.Metric == "controlPlaneFailoverSeconds").Agrees);
    }

    [Fact]
    public void Rows_NeitherFailsOver_FailoverTimesAgreeAsAbsent()
    {
        var rows = Comparison.Rows([Metrics("model", switchMaster: null)], [Metrics("real", switchMaster: null)], totalRate: 60);
        var row = rows.Single(r => r.Metric == "clientObservedFailoverSeconds");
        Assert.Null(row.ModelMean);
        Assert.Equal(true, row.Agrees);
    }

    [Fact]
    public void Rows_AcknowledgedWithinRateTimesTwoSeconds_Agrees()
    {
        // 60 writes/s × 2 s = 120 writes of slack (more than 2 % of 1 200).
        var rows = Comparison.Rows([Metrics("model", switchMaster: 7, acked: 1100)], [Metrics("real", switchMaster: 7, acked: 985)], totalRate: 60);
        var row = rows.Single(r => r.Metric == "acknowledged");
        Assert.Equal(120, row.Tolerance);
        Assert.Equal(true, row.Agrees);
    }

    private static RunMetrics Metrics(string side, double? switchMaster, long acked = 1000) => new(
        side, 1, switchMaster is not null, switchMaster is null ? null : "n2", switchMaster, switchMaster - 1, switchMaster + 0.1,
        1200, acked, 0, 1200 - acked, 0, 0, 0.5, 10, 20, 30, 0, true);
}
