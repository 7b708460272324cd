using System.Text;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// -CLUSTERDOWN as a cluster client sees it (docs/sources.md §3.2, assumption A81): an error reply with its own keys
/// (client.on-clusterdown, retry-on: clusterdown, §11.22), failed at once by a client that does not retry it, retried
/// after the backoff by one that does (go-redis's <c>shouldRetry</c> lists CLUSTERDOWN, §11.5); retrying other errors
/// does not retry it. With full coverage yes every shard answers it from FAIL to the promotion.
/// </summary>
public class ClusterDownRetryTests
{
    private const string Scenario = """
        name: cluster-down-retry
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

    private const string Retrying = """
        client:
          retry-on: [clusterdown]
          retry-attempts: 100
          retry-base: 100ms
          retry-growth: 1
          retry-cap: 100ms

        """;

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void PrimaryCrash_OtherShardsWrites_FailOnClusterDown_UnlessTheClientRetriesIt(ulong seed)
    {
        var plain = Run(Scenario, seed);
        var retrying = Run(Scenario + Retrying, seed);

        // Without retries shards 2 and 3 fail the writes their primaries refuse between FAIL and the promotion.
        Assert.True(plain.Shards![1].Failed + plain.Shards[2].Failed > 0, "no other shard's write got -CLUSTERDOWN");

        // Retrying every 100 ms, each such write is sent again until the node's state is OK: none fails, and the
        // longest waited about the refusing window, the first FAIL to the promotion, plus a backoff and a round trip.
        var shards = retrying.Shards!;
        Assert.Equal((0, 0), (shards[1].Failed, shards[2].Failed));
        Assert.Equal(plain.Shards[1].Attempted + plain.Shards[2].Attempted, shards[1].Acknowledged + shards[2].Acknowledged);
        double firstFail = retrying.Events.First(e => e.Kind == "cluster" && e.Text.Contains("as failing (quorum reached)", StringComparison.Ordinal)).Seconds;
        double promoted = 2 + retrying.Failover!.ControlPlaneSeconds;
        double waitedMs = Math.Max(shards[1].Latency.Max, shards[2].Latency.Max);
        Assert.InRange(waitedMs, 100, ((promoted - firstFail) * 1000) + 150);
        Assert.Equal(0, retrying.Writes.AcknowledgedLost);
    }

    [Fact]
    public void PrimaryCrash_RetryOnOtherErrorsOnly_ClusterDownStillFailsAsWithoutRetries()
    {
        var plain = Run(Scenario, 1);
        var otherErrors = Run(Scenario + Retrying.Replace("[clusterdown]", "[error]", StringComparison.Ordinal), 1);

        Assert.True(plain.Shards![1].Failed + plain.Shards[2].Failed > 0, "no other shard's write got -CLUSTERDOWN");
        Assert.Equal((plain.Shards[1].Failed, plain.Shards[2].Failed), (otherErrors.Shards![1].Failed, otherErrors.Shards[2].Failed));
        Assert.Equal(plain.Writes, otherErrors.Writes);
    }

    private static PathResult Run(string yaml, ulong seed)
    {
        var world = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(yaml.ReplaceLineEndings("\n")), "cluster-down-retry.yaml").World;
        return DeploymentPaths.Run(DeploymentPaths.SelfHosted, world, seed, new RunOptions(KeepSamples: false));
    }
}
