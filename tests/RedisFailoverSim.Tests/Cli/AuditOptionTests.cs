using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Tests.Sweep;

namespace RedisFailoverSim.Tests.Cli;

/// <summary><c>--audit</c>: the exact per-write ledger on request; the compact accounting otherwise.</summary>
public sealed class AuditOptionTests : IDisposable
{
    private readonly CliFixture _cli = new();
    private readonly SweepFixture _sweep = new();

    public void Dispose()
    {
        _cli.Dispose();
        _sweep.Dispose();
    }

    [Theory]
    [InlineData(new string[0], false, true)]
    [InlineData(new[] { "--no-charts" }, false, false)]
    [InlineData(new[] { "--no-charts", "--audit" }, true, false)]
    [InlineData(new[] { "--audit" }, true, true)]
    public void Run_Options_KeepTheExactLedgerForAuditOrCharts(string[] options, bool audit, bool samples)
    {
        Assert.Equal(0, _cli.Run(["run", _cli.ScenarioFile, "--out", _cli.OutputPath(), .. options]));

        var run = Assert.Single(_cli.Runs);
        Assert.Equal((audit, samples, audit || samples), (run.Options.Audit, run.Options.KeepSamples, run.Options.ExactLedger));
        Assert.DoesNotContain("note:", _cli.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MoreWritesThanTheSampleLimit_SkipsPerWriteChartsWithANote()
    {
        // 100 writes/s for 10 hours with a one-hour burst of ten times that: 3,600,000 + 3,240,000 writes, over the
        // 5,000,000 kept for charts.
        var world = _cli.Scenario.World;
        var burst = new FaultSpec(
            FaultKind.TrafficBurst, SimTime.FromStart(SimDuration.FromSeconds(3600)), SimDuration.FromSeconds(3600), FaultTarget.Everything,
            RateMultiplier: 10);
        _cli.Scenario = _cli.Scenario with
        {
            World = world with { Workload = world.Workload with { Duration = SimDuration.FromSeconds(10 * 3600) }, Faults = [burst] },
        };

        Assert.Equal(0, _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath()));

        var run = Assert.Single(_cli.Runs);
        Assert.False(run.Options.ExactLedger);
        Assert.Contains(
            "note: about 6,840,000 writes planned, more than the 5,000,000 kept for the per-write charts",
            _cli.Error.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_Audit_WritesTheSameBytesAsTheCompactAccounting()
    {
        var compact = _sweep.Folder("compact");
        var audited = _sweep.Folder("audited");

        var exitCompact = _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "4", "--parallel", "2", "--no-charts", "--out", compact);
        var exitAudited = _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "4", "--parallel", "2", "--no-charts", "--audit", "--out", audited);

        Assert.Equal((0, 0), (exitCompact, exitAudited));
        Assert.Equal(SweepFixture.Files(compact), SweepFixture.Files(audited), FileComparer.Instance);
    }
}
