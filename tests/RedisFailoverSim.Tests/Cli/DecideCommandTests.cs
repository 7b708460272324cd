using RedisFailoverSim.Tests.Reporting;

namespace RedisFailoverSim.Tests.Cli;

/// <summary><c>rfsim decide</c> through the CLI with a fake runner: what it prints, writes and refuses.</summary>
public sealed class DecideCommandTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Decide_ScenarioWithoutMonth_ExitsTwoAndSaysWhatIsMissing()
    {
        var exit = _cli.Run("decide", _cli.ScenarioFile, "--out", _cli.OutputPath());

        Assert.Equal(2, exit);
        Assert.Contains("has no month: section", _cli.Error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_cli.Runs);
    }

    [Fact]
    public void Decide_WithMonth_PrintsTheRecommendationAndWritesTheChartsAndCosts()
    {
        _cli.Scenario = _cli.Scenario with
        {
            Month = new(DataSizeGb: 50, OpsAverage: 2000, OpsPeak: 10_000, Shape: RedisFailoverSim.Scenarios.Cost.MonthShape.Steady,
                ActiveHoursPerDay: 24, ReadFraction: 0.8, ValueBytes: 1000, Engine: "valkey"),
        };
        _cli.Available = RedisFailoverSim.Paths.DeploymentPaths.All;
        _cli.Runner = (path, seed) => ReportFixtures.Clean(path) with { EndSeconds = 60, Usage = [new("node-hours", 2 / 60.0)] };

        var exit = _cli.Run("decide", _cli.ScenarioFile, "--out", _cli.OutputPath(), "--tolerates-loss", "yes", "--runs", "2");

        Assert.Equal(0, exit);
        Assert.Equal(8, _cli.Runs.Count);   // four paths, two seeds
        Assert.Contains("recommended: elasticache (reserved 3y, $917.17 a month)", _cli.Out.ToString(), StringComparison.Ordinal);
        foreach (var file in new[] { "decision.md", "results.json", "cost.csv", "durability-vs-cost.png", "break-even.png" })
        {
            Assert.True(File.Exists(Path.Combine(_cli.OutputPath(), file)), file);
        }
    }

    [Fact]
    public void Decide_BadYesNo_ExitsTwo()
    {
        _cli.Scenario = _cli.Scenario with
        {
            Month = new(1, 1, 1, RedisFailoverSim.Scenarios.Cost.MonthShape.Steady, 24, 0, 100, "valkey"),
        };

        var exit = _cli.Run("decide", _cli.ScenarioFile, "--sre", "maybe");

        Assert.Equal(2, exit);
        Assert.Contains("--sre: expected yes or no; found 'maybe'", _cli.Error.ToString(), StringComparison.Ordinal);
    }
}
