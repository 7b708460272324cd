using System.Text;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Scenarios;

/// <summary>The <c>cluster-failover</c> fault (CLUSTER FAILOVER, docs/sources.md §3.9): what it reads and every rule.</summary>
public class ClusterFailoverFaultTests
{
    private static readonly string Cluster = """
        name: c
        topology:
          azs: [az-a, az-b, az-c]
          clients: { az-a: 1 }
        cluster:
          shards: 3
          replicas-per-shard: 2
        workload:
          rate: 10
          duration: 60s
          value-size: 100
        faults:
          - kind: cluster-failover
            at: 10s
            target: n1.2
        """ + "\n";

    private static Scenario Parse(string text) => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")), "c.yaml");

    [Theory]
    [InlineData("", ManualFailoverOption.Default)]
    [InlineData("    option: force\n", ManualFailoverOption.Force)]
    [InlineData("    option: takeover\n", ManualFailoverOption.Takeover)]
    public void Parse_ClusterFailover_ReadsTargetAndOption_NoDuration(string option, ManualFailoverOption expected)
    {
        var fault = Assert.Single(Parse(Cluster + option).World.Faults);

        Assert.Equal(FaultKind.ClusterFailover, fault.Kind);
        Assert.Equal("n1.2", fault.Target.Name);
        Assert.Equal(expected, fault.Option);
        Assert.Null(fault.Duration);
    }

    [Theory]
    [InlineData("    target: n1.2\n", "    target: n1.2\n    duration: 5s\n", 16, 15, "faults[0].duration: cluster-failover takes no 'duration': CLUSTER FAILOVER is one command, over when the replica has taken over")]
    [InlineData("    target: n1.2\n", "    target: n1.2\n    option: forse\n", 16, 13, "faults[0].option: expected force or takeover (or no option: the default manual failover); found 'forse'; did you mean 'force'?")]
    [InlineData("    target: n1.2\n", "    target: n2.1\n", 15, 13, "faults[0].target: expected a replica, the node CLUSTER FAILOVER is sent to (n1.2, n1.3, n2.2, n2.3, n3.2, n3.3) for cluster-failover; found the primary 'n2.1' (a primary answers: You should send CLUSTER FAILOVER to a replica); did you mean 'n2.2'?")]
    [InlineData("    target: n1.2\n", "    target: primary\n", 15, 13, "faults[0].target: expected a replica, the node CLUSTER FAILOVER is sent to (n1.2, n1.3, n2.2, n2.3, n3.2, n3.3) for cluster-failover; found 'primary'")]
    [InlineData("  - kind: cluster-failover\n    at: 10s\n    target: n1.2\n", "  - kind: crash\n    at: 10s\n    target: n1.1\n    option: force\n", 16, 13, "faults[0].option: 'option' (CLUSTER FAILOVER's option, force or takeover) applies only to cluster-failover, not to crash")]
    public void Parse_ClusterFailoverWithOneMistake_OneProblemAtItsPlace(string find, string replace, int line, int column, string message)
    {
        var problem = Assert.Single(Assert.Throws<ScenarioException>(() => Parse(Cluster.Replace(find, replace))).Problems);

        Assert.Equal(new ScenarioProblem("c.yaml", line, column, message), problem);
    }

    [Fact]
    public void Parse_ClusterFailoverWithoutCluster_PointsAtTheKind()
    {
        var text = """
            name: s
            topology:
              azs: [az-a, az-b, az-c]
              nodes:
                - { name: n1, az: az-a, primary: true }
                - { name: n2, az: az-b }
              sentinels: { az-a: 1, az-b: 1, az-c: 1 }
              clients: { az-a: 1 }
            paths: [self-hosted]
            workload:
              rate: 10
              duration: 60s
              value-size: 100
            faults:
              - kind: cluster-failover
                at: 10s
                target: n2
            """ + "\n";
        var problem = Assert.Single(Assert.Throws<ScenarioException>(() => Parse(text)).Problems);

        Assert.Equal(new ScenarioProblem("c.yaml", 15, 11, "faults[0].kind: cluster-failover is Redis Cluster's CLUSTER FAILOVER: it needs a 'cluster:' section; for a planned failover of a primary with replicas use node-replacement"), problem);
    }
}
