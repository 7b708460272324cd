using RedisFailoverSim.Cli.Expectations;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Reporting;

namespace RedisFailoverSim.Tests.Cli;

public class ExpectationEvaluatorTests
{
    [Theory]
    [InlineData("acknowledgedLost", Comparison.Greater, 0, ExpectationStatus.Held, 1126)]
    [InlineData("acknowledgedLost", Comparison.Equal, 0, ExpectationStatus.Failed, 1126)]
    [InlineData("controlPlaneSeconds", Comparison.LessOrEqual, 34, ExpectationStatus.Held, 32.0006)]
    [InlineData("latencyP99Ms", Comparison.Less, 3.2, ExpectationStatus.Failed, 3.2)]
    [InlineData("splitBrainSeconds", Comparison.Greater, 0, ExpectationStatus.Held, 41.2)]
    public void Evaluate_Metric_ComparesActualValue(string metric, Comparison op, double value, ExpectationStatus status, double actual)
    {
        var claim = new Expectation("self-hosted", metric, op, value, "", 3);

        var outcome = ExpectationEvaluator.Evaluate(claim, ReportFixtures.SplitBrain());

        Assert.Equal(status, outcome.Status);
        Assert.Equal(actual, outcome.Actual);
    }

    [Fact]
    public void Evaluate_FailoverMetricWithoutFailover_FailsSayingSo()
    {
        var claim = new Expectation("memorydb", "clientObservedSeconds", Comparison.Less, 10, "", 3);

        var outcome = ExpectationEvaluator.Evaluate(claim, ReportFixtures.Clean());

        Assert.Equal(ExpectationStatus.Failed, outcome.Status);
        Assert.Null(outcome.Actual);
        Assert.Contains("no failover", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PathDidNotRun_IsSkipped()
    {
        var outcomes = ExpectationEvaluator.Evaluate([ReportFixtures.LostClaim("memorydb")], [ReportFixtures.SplitBrain()]);

        Assert.Equal(ExpectationStatus.Skipped, Assert.Single(outcomes).Status);
        Assert.Equal("memorydb did not run", outcomes[0].Detail);
    }
}
