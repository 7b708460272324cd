using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Serverless;

namespace RedisFailoverSim.Tests.Model.Serverless;

/// <summary>
/// Which slots a Serverless shard from the warm pool takes (A162): redis-cli's <c>clusterManagerComputeReshardTable</c>
/// for a rebalance onto an empty primary (docs/sources.md §5.2).
/// </summary>
public class ServerlessScaleOutPlanTests
{
    [Fact]
    public void Plan_OneServingShard_TheNewShardTakesTheLowerHalf()
    {
        var map = Map(shards: 2, serving: 1);

        var plan = ServerlessScaleOut.Plan(map, servingShards: 1);

        Assert.Equal(Enumerable.Range(0, 8192), plan.Select(p => p.Slot));
        Assert.All(plan, p => Assert.Equal(0, p.Source));
    }

    [Fact]
    public void Plan_TwoServingShards_FirstSourceRoundsUpTheOthersDown_LowestSlotsFirst()
    {
        var map = Map(shards: 3, serving: 2);

        var plan = ServerlessScaleOut.Plan(map, servingShards: 2);

        // numslots = 16384 / 3 = 5461; each source 5461 / 16384 x 8192 = 2730.5: 2731 from the first, 2730 from the second.
        Assert.Equal(5461, plan.Count);
        Assert.Equal(Enumerable.Range(0, 2731), plan.Where(p => p.Source == 0).Select(p => p.Slot));
        Assert.Equal(Enumerable.Range(8192, 2730), plan.Where(p => p.Source == 1).Select(p => p.Slot));
    }

    [Fact]
    public void Plan_UnevenSources_TheLargerGivesFirst()
    {
        var map = Map(shards: 3, serving: 2);
        for (int slot = 0; slot < 1000; slot++)
        {
            map.Assign(slot, 1);
        }

        var plan = ServerlessScaleOut.Plan(map, servingShards: 2);

        // Shard 1 now owns 9192 slots and gives first: ceil(5461 / 16384 x 9192) = 3064; shard 0 floor(5461 / 16384 x 7192) = 2397.
        Assert.Equal(1, plan[0].Source);
        Assert.Equal(3064, plan.Count(p => p.Source == 1));
        Assert.Equal(2397, plan.Count(p => p.Source == 0));
        Assert.Equal(1000, plan.Where(p => p.Source == 0).Min(p => p.Slot));
    }

    private static ServiceSlotMap Map(int shards, int serving) =>
        new(Enumerable.Range(0, shards).Select(s => new EndpointRecord("shard " + s, new MemberId(s))).ToList(), serving);
}
