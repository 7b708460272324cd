using System.Text;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// scenarios/cluster-planned-failover.yaml: CLUSTER FAILOVER to n1.2 at 20 s, with clients on every shard
/// (docs/sources.md §3.9).
/// </summary>
public class ClusterPlannedFailoverTests
{
    [Theory]
    [InlineData(42UL)]
    [InlineData(43UL)]
    [InlineData(44UL)]
    public void PlannedFailover_LosesNoAcknowledgedWrite_WritesPauseWellUnderASecond(ulong seed)
    {
        var spec = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "cluster-planned-failover.yaml")).World;
        var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, seed, new RunOptions(KeepSamples: false) { Audit = true });

        // The offset wait: n1.1 acknowledges nothing once paused, and n1.2 stands only with all of it applied.
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.Equal(0, result.Writes.Failed);
        Assert.Equal(1, result.FailoverCount);
        var shard = result.Shards![0].Failover!;
        Assert.Equal("n1.2", shard.NewPrimary);

        // Four or five one-way bus messages across AZs (0.8 ms median, docs/sources.md §8) and no timer: not the
        // 500-999 ms election delay, not cluster-node-timeout (15 s). The clients add the PONG, -MOVED and the resend.
        Assert.InRange(result.Failover!.ControlPlaneSeconds, 0.002, 0.05);
        Assert.InRange(result.Failover.ClientObservedSeconds!.Value, result.Failover.ControlPlaneSeconds, 0.1);
        Assert.True(result.Latency.Max < 100, $"max latency {result.Latency.Max} ms");
        Assert.Null(result.Shards[1].Failover);
        Assert.Null(result.Shards[2].Failover);
    }

    [Fact]
    public void PlannedFailover_Force_PrimaryKilledJustBefore_PromotedBeforeTheNodeTimeout()
    {
        // FORCE needs no answer from the primary: killed 1 s before, it is replaced far sooner than PFAIL (15 s) allows.
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "scenarios", "cluster-planned-failover.yaml"))
            .Replace("""
              faults:
                - kind: cluster-failover   # CLUSTER FAILOVER (no option): the replica waits for the primary's offset
                  at: 20s
                  target: n1.2
              """.ReplaceLineEndings("\n"), """
              faults:
                - kind: crash
                  at: 19s
                  target: n1.1
                - kind: cluster-failover
                  at: 20s
                  target: n1.2
                  option: force
              """.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("option: force", text, StringComparison.Ordinal);
        var spec = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "force.yaml").World;
        var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, 42, new RunOptions(KeepSamples: false));

        Assert.Equal(1, result.FailoverCount);
        Assert.Equal("n1.2", result.Shards![0].Failover!.NewPrimary);
        Assert.InRange(result.Failover!.ControlPlaneSeconds, 1.0, 1.2);
    }
}
