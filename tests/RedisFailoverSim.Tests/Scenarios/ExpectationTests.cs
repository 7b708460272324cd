using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Scenarios;

public class ExpectationTests
{
    private static PathResult Result(long acknowledgedLost = 0, FailoverMetrics? failover = null, int failoverCount = 0, long latencyCount = 10) => new(
        Path: "self-hosted",
        Writes: new WriteCounts(Attempted: 1000, Acknowledged: 990, AcknowledgedLost: acknowledgedLost, Failed: 6, Unknown: 4, UnknownPresent: 1)
        {
            WaitConfirmed = 980,
            WaitConfirmedLost = 5,
            WaitShort = 8,
        },
        Failover: failover,
        Latency: new LatencySummary(latencyCount, P50: 0.9, P99: 4.5, P999: 31.0, Max: 5012.5),
        LatencyInFailureWindow: LatencySummary.Empty,
        FailureWindow: null,
        SplitBrainSeconds: 12.25,
        SplitBrainAcknowledgedLost: 0,
        FailoverCount: failoverCount,
        FinalEpoch: failoverCount,
        Converged: true,
        EndSeconds: 120,
        Facts: [],
        Usage: [],
        Nodes: ["n1", "n2", "n3"],
        Roles: [],
        Events: [],
        Faults: [],
        Samples: null);

    private static Expectation Claim(string metric, Comparison op, double value, string text) =>
        new("self-hosted", metric, op, value, text, 12);

    [Fact]
    public void Evaluate_ClaimHolds_HeldWithActualValue()
    {
        var result = Claim("acknowledgedLost", Comparison.Greater, 0, "> 0").Evaluate(Result(acknowledgedLost: 1126));

        Assert.True(result.Held);
        Assert.Equal(1126.0, result.Actual);
        Assert.Equal("self-hosted acknowledgedLost > 0: held (actual 1126)", result.Explanation);
    }

    [Fact]
    public void Evaluate_ClaimBroken_FailedWithActualValue()
    {
        var failover = new FailoverMetrics(ClientObservedSeconds: 36.5, ControlPlaneSeconds: 35.125, SwitchMasterSeconds: 35.2, NewPrimary: "n2");

        var result = Claim("controlPlaneSeconds", Comparison.LessOrEqual, 34, "<= 34").Evaluate(Result(failover: failover, failoverCount: 1));

        Assert.False(result.Held);
        Assert.Equal(35.125, result.Actual);
        Assert.Equal("self-hosted controlPlaneSeconds <= 34: failed (actual 35.125)", result.Explanation);
    }

    [Fact]
    public void Evaluate_FailoverMetricWithoutFailover_FailsSayingNoFailoverHappened()
    {
        var result = Claim("controlPlaneSeconds", Comparison.GreaterOrEqual, 31, ">= 31").Evaluate(Result());

        Assert.False(result.Held);
        Assert.Null(result.Actual);
        Assert.Equal("self-hosted controlPlaneSeconds >= 31: failed (no failover happened)", result.Explanation);
    }

    [Fact]
    public void Evaluate_ClientObservedWhenNoWriteReachedNewPrimary_FailsSayingSo()
    {
        var failover = new FailoverMetrics(ClientObservedSeconds: null, ControlPlaneSeconds: 32, SwitchMasterSeconds: null, NewPrimary: "n3");

        var result = Claim("clientObservedSeconds", Comparison.Less, 40, "< 40").Evaluate(Result(failover: failover, failoverCount: 1));

        Assert.Equal("self-hosted clientObservedSeconds < 40: failed (no write was acknowledged by the new primary)", result.Explanation);
    }

    [Fact]
    public void Evaluate_FailoverCountWithoutFailover_IsZeroAndCanHold()
    {
        var result = Claim("failoverCount", Comparison.Equal, 0, "== 0").Evaluate(Result());

        Assert.True(result.Held);
        Assert.Equal(0.0, result.Actual);
    }

    [Fact]
    public void Evaluate_LatencyWithNothingAcknowledged_FailsSayingThereIsNoLatency()
    {
        var result = Claim("latencyP99Ms", Comparison.Less, 10, "< 10").Evaluate(Result(latencyCount: 0));

        Assert.Equal("self-hosted latencyP99Ms < 10: failed (no write was acknowledged, so there is no latency to measure)", result.Explanation);
    }

    [Fact]
    public void Evaluate_ResultOfAnotherPath_Throws()
    {
        var claim = new Expectation("memorydb", "acknowledgedLost", Comparison.Equal, 0, "== 0", 3);

        var error = Assert.Throws<ArgumentException>(() => claim.Evaluate(Result()));

        Assert.StartsWith("the claim is about 'memorydb' but the result is of 'self-hosted'", error.Message);
    }

    [Theory]
    [InlineData(Comparison.Less, 5, false)]
    [InlineData(Comparison.LessOrEqual, 5, true)]
    [InlineData(Comparison.Greater, 5, false)]
    [InlineData(Comparison.GreaterOrEqual, 5, true)]
    [InlineData(Comparison.Equal, 5, true)]
    [InlineData(Comparison.NotEqual, 5, false)]
    public void Holds_EachOperatorAtTheBoundary_ComparesAsWritten(Comparison op, double value, bool expected)
    {
        Assert.Equal(expected, new Expectation("self-hosted", "failed", op, value, "x", 1).Holds(5));
    }

    [Fact]
    public void ScenarioMetrics_Names_MatchResultsJsonAndReadEveryValue()
    {
        var failover = new FailoverMetrics(ClientObservedSeconds: 33.5, ControlPlaneSeconds: 32.25, SwitchMasterSeconds: 32.5, NewPrimary: "n2");
        var result = Result(acknowledgedLost: 7, failover: failover, failoverCount: 2);

        var values = ScenarioMetrics.Names.Where(n => !ScenarioMetrics.IsCost(n)).Select(n => ScenarioMetrics.Read(result, n));

        Assert.Equal([1000, 990, 7, 6, 4, 1, 980, 5, 8, 33.5, 32.25, 0.9, 4.5, 31.0, 5012.5, 12.25, 2], values);
        // The month's cost is not in a path result: it comes from the price table (ClaimValues).
        Assert.All(ScenarioMetrics.CostNames, n => Assert.Null(ScenarioMetrics.Read(result, n)));
    }
}
