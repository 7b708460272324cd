using System.Text;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;

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
