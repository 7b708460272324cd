namespace RedisFailoverSim.Tests.Cli;

/// <summary><c>--force</c> lets a run the estimate refuses through (the path runner here is a fake: it returns at once).</summary>
public sealed class WorkGuardForceTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public WorkGuardForceTests()
    {
        var world = _cli.Scenario.World;
        _cli.Scenario = _cli.Scenario with { World = world with { Workload = world.Workload with { RatePerClient = 1e7 } } };
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Run_RefusedEstimate_DoesNotStartThePaths()
    {
        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath(), "--quiet");

        Assert.Equal(2, exit);
        Assert.Empty(_cli.Runs);
    }

    [Fact]
    public void Run_RefusedEstimateWithForce_RunsAndSaysItIsLong()
    {
        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath(), "--quiet", "--force", "--no-charts");

        Assert.Equal(0, exit);
        Assert.Single(_cli.Runs);
        Assert.Contains("note: a long run, estimated", _cli.Error.ToString(), StringComparison.Ordinal);
    }
}
