using System.Text;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Cost;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Scenarios.Prices;
using RedisFailoverSim.Tests.Architecture;
using RedisFailoverSim.Tests.Reporting;

namespace RedisFailoverSim.Tests.Scenarios;

/// <summary>Claims that compare with another path ("&lt; 0.6x memorydb") and claims about the month's cost.</summary>
public class RelativeClaimTests
{
    private static readonly string WorkloadA = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "scenarios", "workload-a-steady-50gb.yaml"));

    private static Scenario WithExpect(string expect, bool month = true)
    {
        var text = WorkloadA[..WorkloadA.IndexOf("expect:", StringComparison.Ordinal)] + "expect:\n" + expect;
        if (!month)
        {
            int from = text.IndexOf("\nmonth:", StringComparison.Ordinal), to = text.IndexOf("\ndecide:", StringComparison.Ordinal);
            text = text[..from] + text[to..];
        }

        return ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")), "a.yaml");
    }

    private static ScenarioProblem Problem(string expect, bool month = true) =>
        Assert.Single(Assert.Throws<ScenarioException>(() => WithExpect(expect, month)).Problems);

    [Fact]
    public void Parse_FactorAndPath_ComparesWithThatPathTimesTheFactor()
    {
        var claims = WithExpect("  memorydb:\n    monthlyCost: [\">= 1.8x elasticache\", \"< serverless\"]\n").Expectations;

        Assert.Equal(("elasticache", 1.8, Comparison.GreaterOrEqual), (claims[0].RelativeTo, claims[0].Value, claims[0].Operator));
        Assert.Equal(("serverless", 1.0, Comparison.Less), (claims[1].RelativeTo, claims[1].Value, claims[1].Operator));
    }

    [Theory]
    [InlineData("< 0.6 elasticache", "expect.memorydb.acknowledgedLost: expected a claim like")]
    [InlineData("< x elasticache", "expect.memorydb.acknowledgedLost: expected a claim like")]
    [InlineData("< 0.6x", "expect.memorydb.acknowledgedLost: expected a claim like")]
    [InlineData("< 2x redis", "expect.memorydb.acknowledgedLost: 'redis' is not a path (paths: elasticache, serverless, memorydb, self-hosted)")]
    [InlineData("< 2x memorydb", "expect.memorydb.acknowledgedLost: a claim about memorydb cannot compare with memorydb itself")]
    public void Parse_MalformedRelativeClaim_SaysWhatIsWrongOnItsLine(string claim, string message)
    {
        var problem = Problem($"  memorydb:\n    acknowledgedLost: \"{claim}\"\n");

        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(WithExpect("  memorydb:\n    acknowledgedLost: \"== 0\"\n").Expectations[0].Line, problem.Line);
    }

    [Fact]
    public void Parse_CostClaimWithoutMonth_NeedsTheMonthSection()
    {
        var problem = Problem("  memorydb:\n    monthlyCost: \"< 5000\"\n", month: false);

        Assert.Equal("expect.memorydb.monthlyCost: a cost claim needs the scenario's month: section (what a month of the workload is billed as)", problem.Message);
    }

    [Fact]
    public void Evaluate_RelativeClaim_ThresholdIsTheFactorTimesTheOtherPath()
    {
        // 1,126 lost against 2 x 600 = 1,200: holds; against 1.5 x 600 = 900: fails.
        var values = new ClaimValues([Result("self-hosted", lost: 1126), Result("elasticache", lost: 600)]);
        var within = new Expectation("self-hosted", "acknowledgedLost", Comparison.Less, 2, "< 2x elasticache", 3) { RelativeTo = "elasticache" };
        var beyond = within with { Value = 1.5, Text = "< 1.5x elasticache" };

        var held = within.Evaluate(values.Result("self-hosted")!, values);
        var failed = beyond.Evaluate(values.Result("self-hosted")!, values);

        Assert.Equal((true, 1126.0, 600.0), (held.Held, held.Actual, held.Compared));
        Assert.Equal("self-hosted acknowledgedLost < 1.5x elasticache: failed (actual 1126; elasticache 600)", failed.Explanation);
    }

    [Fact]
    public void Evaluate_CostClaim_ReadsTheMonthFromTheCostTable()
    {
        // Workload A's month on the bundled us-east-1 table: the claim reads the same number the cost table prints.
        var scenario = WithExpect("  memorydb:\n    monthlyCost: \">= 1x elasticache\"\n");
        var results = new[] { Result("elasticache", 0), Result("memorydb", 0) };
        var costs = CostModel.For(results, scenario.World, scenario.Month!, PriceLoader.Bundled(), scenario.Decide);
        var values = CostClaims.Values(results, costs);

        var verdict = scenario.Expectations[0].Evaluate(results[1], values);

        Assert.Equal(costs[1].BestMonthly, verdict.Actual);
        Assert.Equal(costs[0].BestMonthly, verdict.Compared);
        Assert.True(verdict.Held);
    }

    private static PathResult Result(string path, long lost) =>
        ReportFixtures.Clean(path) with { Writes = new WriteCounts(5000, 4000, lost, 900, 100, 0) };
}
