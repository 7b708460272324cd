using System.Text;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Report;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Reporting.Report;

/// <summary>
/// Why a Redis Cluster run promoted no replica, in the cluster's own terms (cluster_legacy.c): a primary is PFAIL after
/// cluster-node-timeout without a PONG, FAIL once a majority of the primaries reported it within twice the node
/// timeout, and a replica of a FAIL primary asks for votes unless cluster-replica-no-failover is set. Never Sentinel's
/// words.
/// </summary>
public class ClusterNoFailoverVerdictTests
{
    [Fact]
    public void CutShorterThanTheNodeTimeout_NoPrimaryWasEverPfail()
    {
        // 5 s without n1.1 against a 15 s node timeout: no node waited long enough for a PONG.
        var (result, world) = Run("""
              - kind: isolate
                at: 10s
                duration: 5s
                target: n1.1
            """, "");
        var reason = RunVerdict.NoFailoverReason(result, world);
        Assert.Equal("no node went cluster-node-timeout (15.0 s) without a PONG from a primary, so none was marked possibly failing (PFAIL)", reason);
        Assert.DoesNotContain("Sentinel", RunVerdict.Paragraph(result, world), StringComparison.Ordinal);
    }

    [Fact]
    public void PrimaryCutOffWithItsReplica_FailButNoElection()
    {
        // n2.1 and its replica n2.2 on one side, the other two primaries on the other: those two mark n2.1 FAIL (2 of
        // 3), but the FAIL message never crosses the cut, and n2.2 still hears n2.1, so it never asks for votes.
        var (result, world) = Run("""
              - kind: partition
                at: 10s
                duration: 40s
                groups: [[n1.1, n1.2, n3.1, n3.2, c1, c3], [n2.1, n2.2, c2]]
            """, "");
        var reason = RunVerdict.NoFailoverReason(result, world);
        Assert.Equal("n2.1 was marked FAIL, but none of its replicas started an election: a replica asks only once it sees its primary FAIL itself or hears a FAIL message, and none on its side of the cut did", reason);
    }

    [Fact]
    public void ReplicaNoFailover_FailButNoElection()
    {
        var (result, world) = Run("""
              - kind: crash
                at: 10s
                target: n1.1
            """, "  cluster-replica-no-failover: true\n");
        var reason = RunVerdict.NoFailoverReason(result, world);
        Assert.Equal("n1.1 was marked FAIL, but cluster-replica-no-failover yes keeps its replicas from asking for an election (clusterHandleSlaveFailover returns before it)", reason);
    }

    private static (PathResult Result, WorldSpec World) Run(string faults, string clusterKeys)
    {
        var yaml = "name: cluster-no-failover\n"
            + "topology:\n  azs: [az-a, az-b, az-c]\n  clients: { az-a: 1, az-b: 1, az-c: 1 }\n"
            + "cluster:\n  shards: 3\n  replicas-per-shard: 1\n" + clusterKeys
            + "workload:\n  rate: 20\n  arrival: constant\n  duration: 60s\n  value-size: 100\n"
            + "faults:\n" + faults;
        var world = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(yaml), "cluster-no-failover.yaml").World;
        return (DeploymentPaths.Run(DeploymentPaths.SelfHosted, world, 42, new RunOptions()), world);
    }
}
