using System.Text;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Scenarios;

/// <summary>The <c>cluster:</c> section and <c>workload.keys</c>: defaults, placement and every validation rule.</summary>
public class ClusterScenarioTests
{
    private static readonly string Cluster = """
        name: c
        topology:
          azs: [az-a, az-b, az-c]
          clients: { az-a: 1, az-b: 1, az-c: 1 }
        cluster:
          shards: 3
          replicas-per-shard: 2
        workload:
          rate: 10
          duration: 60s
          value-size: 100
        """ + "\n";

    private static Scenario Parse(string text) => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")), "c.yaml");

    private static ScenarioProblem Problem(string text) =>
        Assert.Single(Assert.Throws<ScenarioException>(() => Parse(text)).Problems);

    [Fact]
    public void Parse_ClusterWithoutKeys_TakesRedisDefaults()
    {
        var world = Parse(Cluster).World;
        var settings = world.Cluster!.Settings;

        // redis.conf / config.c of Redis 7.0.15 (docs/sources.md §3.2).
        Assert.Equal(SimDuration.FromMilliseconds(15_000), settings.NodeTimeout);
        Assert.True(settings.RequireFullCoverage);
        Assert.Equal(10, settings.ReplicaValidityFactor);
        Assert.False(settings.AllowReadsWhenDown);
        Assert.False(settings.ReplicaNoFailover);
        Assert.Equal(KeySpaceSpec.Default, world.Workload.Keys);
    }

    [Fact]
    public void Parse_ClusterWithoutKeys_ElastiCacheTakesItsOwnDefaults()
    {
        var cluster = Parse(Cluster).World.Cluster!;

        // ElastiCache's parameter groups: full coverage no (docs/sources.md §4.9); the rest Redis's (A140).
        Assert.Equal(ClusterSettingsGiven.None, cluster.Given);
        Assert.Equal(ClusterSettings.Default with { RequireFullCoverage = false }, DeploymentPaths.ClusterSettingsOf(DeploymentPaths.ElastiCache, cluster));
        Assert.Equal(ClusterSettings.Default, DeploymentPaths.ClusterSettingsOf(DeploymentPaths.SelfHosted, cluster));
    }

    [Fact]
    public void Parse_ClusterKeysSet_HonouredOnEveryPath()
    {
        var cluster = Parse(Cluster.Replace("  replicas-per-shard: 2\n", "  replicas-per-shard: 2\n  cluster-node-timeout: 5000\n  cluster-require-full-coverage: true\n", StringComparison.Ordinal)).World.Cluster!;

        var expected = ClusterSettings.Default with { NodeTimeout = SimDuration.FromMilliseconds(5000) };
        Assert.Equal(expected, DeploymentPaths.ClusterSettingsOf(DeploymentPaths.ElastiCache, cluster));
        Assert.Equal(expected, DeploymentPaths.ClusterSettingsOf(DeploymentPaths.SelfHosted, cluster));
        Assert.Equal(SimDuration.FromMilliseconds(5000), cluster.Given.NodeTimeout);
        Assert.Null(cluster.Given.ReplicaValidityFactor);
    }

    [Fact]
    public void Parse_ClusterWithElastiCacheDurability_OneProblem()
    {
        var problem = Problem(Cluster + "elasticache:\n  durability: sync\n");

        Assert.Equal("c.yaml", problem.File);
        Assert.StartsWith("elasticache: durability sync and async are not modelled with cluster:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Cluster_PlacesShardsOverTheAzs()
    {
        var scenario = Parse(Cluster);
        var nodes = scenario.World.Nodes;

        Assert.Equal(DeploymentPaths.WithClusterMode, scenario.Paths);
        Assert.Contains(DeploymentPaths.ElastiCache, scenario.Paths);
        Assert.Equal(["n1.1", "n1.2", "n1.3", "n2.1", "n2.2", "n2.3", "n3.1", "n3.2", "n3.3"], nodes.Select(n => n.Name));
        Assert.Equal(["az-a", "az-b", "az-c", "az-b", "az-c", "az-a", "az-c", "az-a", "az-b"], nodes.Select(n => n.Az));
        Assert.Equal([true, false, false, true, false, false, true, false, false], nodes.Select(n => n.InitialPrimary));
        Assert.Equal([0, 0, 0, 1, 1, 1, 2, 2, 2], scenario.World.Cluster!.NodeShards);
        Assert.Empty(scenario.World.Sentinels);
    }

    [Fact]
    public void Parse_ClusterKeysAndWorkloadKeys_AreRead()
    {
        var world = Parse(Cluster.Replace("  replicas-per-shard: 2\n", "  replicas-per-shard: 1\n  cluster-node-timeout: 5000\n  cluster-require-full-coverage: false\n  cluster-replica-validity-factor: 0\n  cluster-allow-reads-when-down: true\n  cluster-replica-no-failover: true\n")
            + "  keys: { count: 500, distribution: zipf, skew: 1.2 }\n").World;

        Assert.Equal(new ClusterSettings(SimDuration.FromMilliseconds(5000), false, 0, true, true), world.Cluster!.Settings);
        Assert.Equal(6, world.Nodes.Count);
        Assert.Equal(new KeySpaceSpec(500, KeyDistribution.Zipf, 1.2, 0.5), world.Workload.Keys);
    }

    [Fact]
    public void Parse_FaultOnAClusterNode_ResolvesItsName()
    {
        var world = Parse(Cluster + "faults:\n  - kind: crash\n    at: 10s\n    target: n2.1\n").World;

        Assert.Equal("n2.1", Assert.Single(world.Faults).Target.Name);
    }

    [Fact]
    public void Parse_ClusterFailoverWithoutPaths_LeavesMemoryDbAndServerlessOut()
    {
        var scenario = Parse(Cluster + "faults:\n  - { kind: cluster-failover, at: 10s, target: n1.2 }\n");

        Assert.Equal(["elasticache", "self-hosted"], scenario.Paths);
    }

    [Fact]
    public void Parse_ClusterFailoverOnMemoryDb_OneProblemAtPaths()
    {
        var text = Cluster.Replace("name: c\n", "name: c\npaths: [memorydb]\n") + "faults:\n  - { kind: cluster-failover, at: 10s, target: n1.2 }\n";

        Assert.Equal(
            new ScenarioProblem("c.yaml", 2, 8, "paths: a cluster-failover fault does not run on memorydb: the service fails its shards over itself (docs/sources.md §5.1, §6.1) and CLUSTER FAILOVER is not modelled there; use node-replacement for a planned failover, or leave memorydb out"),
            Problem(text));
    }

    [Theory]
    [InlineData("  shards: 3\n", "  shards: 0\n", 6, 11, "cluster.shards: expected a whole number from 1 to 64; found 0")]
    [InlineData("  shards: 3\n", "", 6, 3, "cluster: missing 'shards' (a whole number)")]
    [InlineData("  replicas-per-shard: 2\n", "  replicas-per-shard: 2\n  cluster-node-timeout: 15s\n", 8, 25, "cluster.cluster-node-timeout: expected a whole number of milliseconds; found '15s'; the unit is milliseconds, as in the vendor's config file: write 15000")]
    [InlineData("  replicas-per-shard: 2\n", "  replicas-per-shard: 2\n  cluster-require-full-coverage: yes\n", 8, 34, "cluster.cluster-require-full-coverage: expected true or false; found 'yes'")]
    [InlineData("  replicas-per-shard: 2\n", "  replicas-per-shard: 2\n  node-timeout: 5000\n", 8, 3, "cluster: unknown key 'node-timeout'; allowed: shards, replicas-per-shard, cluster-node-timeout, cluster-require-full-coverage, cluster-replica-validity-factor, cluster-allow-reads-when-down, cluster-replica-no-failover")]
    [InlineData("  clients: { az-a: 1, az-b: 1, az-c: 1 }\n", "  clients: { az-a: 1, az-b: 1, az-c: 1 }\n  nodes:\n    - { name: n1, az: az-a, primary: true }\n", 6, 5, "topology.nodes: a scenario with 'cluster:' places its own nodes (n1.1, n1.2, … shard by shard) and needs no sentinels; remove topology.nodes or the cluster: section")]
    [InlineData("  value-size: 100\n", "  value-size: 100\n  keys: { distribution: zipff }\n", 12, 25, "workload.keys.distribution: expected uniform, zipf or hot-key; found 'zipff'; did you mean 'zipf'?")]
    [InlineData("  value-size: 100\n", "  value-size: 100\n  keys: { skew: 2 }\n", 12, 17, "workload.keys.skew: applies only to 'distribution: zipf'")]
    [InlineData("  value-size: 100\n", "  value-size: 100\n  keys: { distribution: hot-key, hot-share: 1.5 }\n", 12, 45, "workload.keys.hot-share: expected at most 1 (a share of the writes); found 1.5")]
    [InlineData("  value-size: 100\n", "  value-size: 100\n  keys: { count: 0 }\n", 12, 18, "workload.keys.count: expected a whole number from 1 to 10000000; found 0")]
    public void Parse_ClusterWithOneMistake_OneProblemAtItsPlace(string find, string replace, int line, int column, string message)
    {
        Assert.Equal(new ScenarioProblem("c.yaml", line, column, message), Problem(Cluster.Replace(find, replace)));
    }
}
