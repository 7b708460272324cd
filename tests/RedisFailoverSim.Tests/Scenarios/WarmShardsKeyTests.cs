using System.Text;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Scenarios;

/// <summary>
/// <c>serverless.warm-shards</c> and <c>serverless.shard-provisioning</c> (the Serverless scale-out, A161): what they
/// read and every rule, each with its message and place.
/// </summary>
public class WarmShardsKeyTests
{
    private static readonly string Cluster = """
        name: c
        topology:
          azs: [az-a, az-b, az-c]
          clients: { az-a: 1 }
        cluster:
          shards: 3
          replicas-per-shard: 2
        paths: [serverless]
        workload:
          rate: 10
          duration: 60s
          value-size: 100
        serverless:
          warm-shards: 2
        """ + "\n";

    private static Scenario Parse(string text) => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")), "c.yaml");

    [Fact]
    public void Parse_WarmShards_ReadsThePoolAndTheDefaultProvisioning()
    {
        var settings = Parse(Cluster).World.Paths.Serverless;

        Assert.Equal(2, settings.WarmShards);
        Assert.Equal(SimDuration.FromSeconds(60), settings.ShardProvisioning);
        Assert.Equal(0, ServerlessSettings.Default.WarmShards);
    }

    [Fact]
    public void Parse_ShardProvisioning_ReadsTheDuration()
    {
        var settings = Parse(Cluster + "  shard-provisioning: 90s\n").World.Paths.Serverless;

        Assert.Equal(SimDuration.FromSeconds(90), settings.ShardProvisioning);
    }

    [Theory]
    [InlineData("  warm-shards: 2\n", "  warm-shards: 3\n", 14, 16, "serverless.warm-shards: expected fewer than cluster.shards (3): at least one shard owns the slots at the start and the warm pool holds the others (A161); found 3")]
    [InlineData("  warm-shards: 2\n", "  warm-shards: -1\n", 14, 3, "serverless.warm-shards: expected a whole number from 0 to 1000; found '-1'")]
    [InlineData("  warm-shards: 2\n", "  warm-shards: 2\n  shard-provisioning: 150s\n", 15, 3, "serverless.shard-provisioning: expected less than doubling-period (150s): the slots move to the added shard in the rest of the doubling (A161); found 150s")]
    [InlineData("  warm-shards: 2\n", "  warm-shards: 2\n  doubling-period: 30s\n  shard-provisioning: 40s\n", 16, 3, "serverless.shard-provisioning: expected less than doubling-period (30s): the slots move to the added shard in the rest of the doubling (A161); found 40s")]
    public void Parse_WarmShardsWithOneMistake_OneProblemAtItsPlace(string find, string replace, int line, int column, string message)
    {
        var problem = Assert.Single(Assert.Throws<ScenarioException>(() => Parse(Cluster.Replace(find, replace))).Problems);

        Assert.Equal(new ScenarioProblem("c.yaml", line, column, message), problem);
    }

    [Fact]
    public void Parse_WarmShardsWithoutCluster_PointsAtTheKey()
    {
        var text = """
            name: s
            topology:
              azs: [az-a, az-b, az-c]
              nodes:
                - { name: n1, az: az-a, primary: true }
                - { name: n2, az: az-b }
              clients: { az-a: 1 }
            paths: [serverless]
            workload:
              rate: 10
              duration: 60s
              value-size: 100
            serverless:
              warm-shards: 1
            """ + "\n";

        var problem = Assert.Single(Assert.Throws<ScenarioException>(() => Parse(text)).Problems);

        Assert.Equal(
            new ScenarioProblem("c.yaml", 14, 16, "serverless.warm-shards: the warm pool holds shards of a cluster: section (A161), and this scenario has none; add cluster: with more shards than warm-shards, or remove warm-shards"),
            problem);
    }

    [Fact]
    public void Parse_DoublingPeriodShorterThanTheDefaultProvisioning_IsAccepted()
    {
        // Only a shard-provisioning the scenario sets must be shorter; the default shrinks to half the doubling (A161).
        var settings = Parse(Cluster + "  doubling-period: 30s\n").World.Paths.Serverless;

        Assert.Equal(SimDuration.FromSeconds(30), settings.DoublingPeriod);
    }
}
