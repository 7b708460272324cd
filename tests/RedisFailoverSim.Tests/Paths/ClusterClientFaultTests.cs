using System.Text;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// A cluster client under a cut: a scenario client named in a partition is the whole application, every one of its
/// per-shard connections (A82); and its connection to a primary cut off is dropped by StackExchange.Redis's heartbeat
/// rule (A39: commands timed out this heartbeat and no reads for more than four 5 s command timeouts, whole seconds).
/// </summary>
public class ClusterClientFaultTests
{
    private const string Nodes = "n1.2, n2.1, n2.2, n3.1, n3.2";

    [Fact]
    public void ClientNamedInAPartitionGroup_LosesEveryShard_NotOnlyTheOneOnItsSide()
    {
        // c1 sits with n1.1 alone: its shard-2 and shard-3 connections (to n2.1, n3.1) are cut as well. A write issued
        // within its 5 s command timeout of the heal (40 s) may still be acknowledged when the link returns.
        var result = Run($"[[n1.1, c1], [{Nodes}, c2, c3]]", durationS: 30);
        var s = result.Samples!;
        for (int shard = 1; shard < 3; shard++)
        {
            Assert.Equal(0, AckedBetween(s, client: shard, 10.5, 34.5));
            Assert.True(AckedBetween(s, client: 3 + shard, 10.5, 34.5) > 500, $"c2/shard{shard + 1} kept writing");
        }
    }

    [Fact]
    public void ShardConnectionToACutPrimary_IsDroppedAsADeadSocket_21To22SecondsAfterTheCut()
    {
        // Every client on the majority side: its connection to n1.1 hears nothing from 10 s on. Writes time out on
        // every heartbeat (5 s command timeout), and the first heartbeat with more than 20 whole seconds of silence
        // (21 s) drops it: between 31 and 32 s, one 1 s heartbeat period.
        var result = Run($"[[n1.1], [{Nodes}, c1, c2, c3]]", durationS: 60);
        var drops = result.Events.Where(e => e.Source == "c1/shard1" && e.Text.Contains("dropped its connection to n1.1: dead socket", StringComparison.Ordinal)).ToList();
        var first = Assert.Single(drops);
        Assert.InRange(first.Seconds, 31.0, 32.0);
        Assert.Contains("no reads in 21 s", first.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void PrimaryIsolatedWithItsClient_AfterTheDeadSocketDrops_OtherShardsWritesFailAtTheOnlyConnectedPrimary(ulong seed)
    {
        // calibration/scenarios/cluster-primary-isolated.yaml: {n1.1, c1} cut at 20 s for 30 s. c1's connections to n2.1
        // and n3.1 go dead (A39, about 21 s in); from then on StackExchange.Redis sends those shards' writes only to a
        // primary whose connection is up (ServerSelectionStrategy.Any, docs/sources.md §3.16, A118): n1.1, whose state is
        // FAIL, so they fail at once with -CLUSTERDOWN, as the real runs' writes.csv show. None waits in the cut to be
        // acknowledged after the heal (the model did that before, sending every other write to the cut-off primaries).
        var spec = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "calibration", "scenarios", "cluster-primary-isolated.yaml")).World;
        var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, seed, new RunOptions(KeepSamples: true));
        var s = result.Samples!;
        double dropped = new[] { "c1/shard2", "c1/shard3" }.Max(shard => result.Events
            .Single(e => e.Source == shard && e.Text.Contains("dropped its connection to n", StringComparison.Ordinal) && e.Text.Contains("dead socket", StringComparison.Ordinal))
            .Seconds);
        Assert.InRange(dropped, 41.0, 42.0);
        double stateFail = result.Events.First(e => e.Source == "n1.1" && e.Text.Contains("Cluster state changed: fail", StringComparison.Ordinal)).Seconds;
        double from = Math.Max(dropped, stateFail) + 0.01;

        int failedFast = 0;
        for (int i = 0; i < s.Count; i++)
        {
            double start = s.IntendedStartSeconds[i];
            if (s.Client[i] is not (1 or 2) || start < 20.5 || start >= 50)
            {
                continue;
            }

            Assert.True(s.Outcomes[i] != WriteOutcome.Ok, $"seed {seed}: c1/shard{s.Client[i] + 1}'s write of {start:F3} s was acknowledged ({s.LatencyMilliseconds[i]:F0} ms)");
            if (start >= from)
            {
                Assert.True(s.Outcomes[i] == WriteOutcome.Failed && s.LatencyMilliseconds[i] < 100, $"seed {seed}: c1/shard{s.Client[i] + 1}'s write of {start:F3} s: {s.Outcomes[i]} after {s.LatencyMilliseconds[i]:F0} ms");
                failedFast++;
            }
        }

        // About 2/3 of c1's 100 writes/s, for the 8 s or so from the drop to the heal.
        Assert.True(failedFast > 300, $"seed {seed}: {failedFast} failed fast");
    }

    private static long AckedBetween(WriteSamples s, int client, double from, double to)
    {
        long acked = 0;
        for (int i = 0; i < s.Count; i++)
        {
            double start = s.IntendedStartSeconds[i];
            if (s.Client[i] == client && start >= from && start < to && s.Outcomes[i] == WriteOutcome.Ok)
            {
                acked++;
            }
        }

        return acked;
    }

    private static PathResult Run(string groups, int durationS)
    {
        var yaml = $$"""
            name: cluster-client-fault
            topology:
              azs: [az-a, az-b, az-c]
              clients: { az-a: 1, az-b: 1, az-c: 1 }
            cluster:
              shards: 3
              replicas-per-shard: 1
            workload:
              rate: 100
              arrival: constant
              duration: 70s
              value-size: 100
            faults:
              - kind: partition
                at: 10s
                duration: {{durationS}}s
                groups: {{groups}}
            """;
        var world = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(yaml), "cluster-client-fault.yaml").World;
        return DeploymentPaths.Run(DeploymentPaths.SelfHosted, world, 42, new RunOptions(KeepSamples: true));
    }
}
