using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Serverless;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Tests.Model.Serverless;

/// <summary>The key a Serverless proxy gives each write of a shard's connection (A164).</summary>
public class ServerlessKeysTests
{
    private static readonly KeySpaceSpec HotKey = new(10_000, KeyDistribution.HotKey, Skew: 0.99, HotShare: 0.7);

    [Fact]
    public void KeyOf_SameWriteTwice_SameKey_InTheConnectionsShard()
    {
        var starts = SlotRanges.Starts(3);
        var keys = new ServerlessKeys(KeySpaceSpec.Default, starts, salt: 42);

        for (long writeId = 0; writeId < 1_000; writeId++)
        {
            int shard = (int)(writeId % 3);
            int key = keys.KeyOf(writeId, starts[shard]);
            Assert.Equal(key, keys.KeyOf(writeId, starts[shard]));
            Assert.Equal(shard, SlotRanges.ShardOf(starts, keys.SlotOf(key)));
            Assert.Equal(HashSlot.Of(KeySampler.KeyBytes(key)), keys.SlotOf(key));
        }
    }

    [Fact]
    public void KeyOf_HotKeyOnOneShard_TakesItsShareOfTheWrites()
    {
        var keys = new ServerlessKeys(HotKey, SlotRanges.Starts(1), salt: 42);
        int hot = 0;
        const int Writes = 200_000;
        for (long writeId = 0; writeId < Writes; writeId++)
        {
            if (keys.KeyOf(writeId, 0) == 0)
            {
                hot++;
            }
        }

        // 0.7 of 200,000: the standard deviation is 205 writes, so 1 % is about seven of them.
        Assert.InRange(hot / (double)Writes, 0.693, 0.707);
    }

    [Fact]
    public void KeyOf_HotKeyOnThreeShards_HotShareOfItsOwnShardOnly()
    {
        var starts = SlotRanges.Starts(3);
        var keys = new ServerlessKeys(HotKey, starts, salt: 42);
        int hotShard = SlotRanges.ShardOf(starts, keys.SlotOf(0));
        var sampler = new KeySampler(HotKey);
        var shares = sampler.ShareOfShards(starts);
        int otherShard = (hotShard + 1) % 3;
        int hotOnItsShard = 0;
        int hotElsewhere = 0;
        const int Writes = 100_000;
        for (long writeId = 0; writeId < Writes; writeId++)
        {
            hotOnItsShard += keys.KeyOf(writeId, starts[hotShard]) == 0 ? 1 : 0;
            hotElsewhere += keys.KeyOf(writeId, starts[otherShard]) == 0 ? 1 : 0;
        }

        // Restricted to its shard's keys, key:0 takes 0.7 / that shard's share of all writes.
        Assert.Equal(0, hotElsewhere);
        Assert.InRange(hotOnItsShard / (double)Writes, (0.7 / shares[hotShard]) - 0.01, (0.7 / shares[hotShard]) + 0.01);
    }
}
