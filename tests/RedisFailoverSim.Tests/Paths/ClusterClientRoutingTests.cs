using System.Text;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// A StackExchange.Redis cluster client through a primary's crash (docs/sources.md §3.11, assumption A118):
/// <c>ServerSelectionStrategy.Select</c> sends a write whose slot's primary is not connected to another primary, and
/// <c>TryResend</c> follows that node's -MOVED: to the dead primary's backlog before FAIL (the write fails at its command
/// timeout, never sent), to the new primary after the promotion; between FAIL and the promotion the answer is
/// -CLUSTERDOWN. What the real cluster showed (calibrate, §3.11): no write acknowledged late.
/// </summary>
public class ClusterClientRoutingTests
{
    private const string Scenario = """
        name: cluster-crash-routing
        topology:
          azs: [az-a, az-b, az-c]
          clients: { az-a: 1, az-b: 1, az-c: 1 }
        cluster:
          shards: 3
          replicas-per-shard: 1
          cluster-node-timeout: 1000
        workload:
          rate: 20
          arrival: constant
          duration: 12s
          value-size: 100
        faults:
          - kind: crash
            at: 2s
            target: n1.1
        """;

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void PrimaryCrash_StackExchangeDefaults_NoWriteIsAcknowledgedLate(ulong seed)
    {
        var result = Run(World(), seed);
        var s = result.Samples!;

        // Every acknowledged write took one round trip or a -MOVED more: none waited for the promotion.
        Assert.InRange(result.Latency.Max, 0, 100);

        // A failed write either got -CLUSTERDOWN at once (FAIL to promotion) or waited on the dead primary's backlog
        // until its 5 s command timeout, checked on the 1 s heartbeat (crash to FAIL).
        int fast = 0, timedOut = 0;
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Outcomes[i] != WriteOutcome.Failed)
            {
                continue;
            }

            double ms = s.LatencyMilliseconds[i];
            Assert.True(ms < 50 || ms is >= 5000 and <= 6100, $"a failed write took {ms} ms");
            fast += ms < 50 ? 1 : 0;
            timedOut += ms >= 5000 ? 1 : 0;
        }

        Assert.True(fast > 0, "no write got -CLUSTERDOWN");
        Assert.True(timedOut > 0, "no write waited on the dead primary's backlog");

        // The first write acknowledged by the new primary follows its promotion at once: the -MOVED names it.
        var failover = result.Failover!;
        Assert.InRange(failover.ClientObservedSeconds!.Value - failover.ControlPlaneSeconds, 0, 0.2);
    }

    [Fact]
    public void PrimaryCrash_ClientWaitingForTheSlot_AcknowledgesQueuedWritesLate()
    {
        // The model's client before the calibration (unconnected-slot: wait, no per-node backlog): what waited during
        // the failover reached the new primary seconds late, the P99 the real cluster did not show.
        var world = World();
        var result = Run(world with { Client = world.Client with { UnconnectedSlot = UnconnectedSlot.Wait, BacklogPerNode = false } }, 1);

        Assert.True(result.Latency.Max > 1000, $"latency max {result.Latency.Max} ms");
    }

    private static WorldSpec World() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(Scenario), "cluster-crash-routing.yaml").World;

    private static PathResult Run(WorldSpec world, ulong seed) =>
        DeploymentPaths.Run(DeploymentPaths.SelfHosted, world, seed, new RunOptions(KeepSamples: true));
}
