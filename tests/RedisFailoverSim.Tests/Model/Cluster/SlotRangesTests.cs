using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Tests.Model.Cluster;

/// <summary>The slot split of <c>redis-cli --cluster create</c> and the key sampler over it (docs/sources.md §3.1).</summary>
public class SlotRangesTests
{
    [Fact]
    public void Starts_ThreeShards_AreRedisClisRanges()
    {
        // redis-cli 7.0.15 prints "Master[0] -> Slots 0 - 5460", "Master[1] -> Slots 5461 - 10922",
        // "Master[2] -> Slots 10923 - 16383" for three masters.
        Assert.Equal([0, 5461, 10923, 16384], SlotRanges.Starts(3));
    }

    [Fact]
    public void Starts_OneShard_OwnsEverySlot() => Assert.Equal([0, 16384], SlotRanges.Starts(1));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5460, 0)]
    [InlineData(5461, 1)]
    [InlineData(10923, 2)]
    [InlineData(16383, 2)]
    public void ShardOf_SlotAtARangeEdge_IsThatRangesShard(int slot, int shard) =>
        Assert.Equal(shard, SlotRanges.ShardOf(SlotRanges.Starts(3), slot));

    [Fact]
    public void NextKey_Uniform_SpreadsLikeTheSlotShares()
    {
        var sampler = new KeySampler(new KeySpaceSpec(10_000, KeyDistribution.Uniform, 0.99, 0.5));
        var starts = SlotRanges.Starts(3);
        var stream = new RedisFailoverSim.Engine.Random.RandomStream(7);
        var counts = new int[3];
        for (int i = 0; i < 30_000; i++)
        {
            counts[SlotRanges.ShardOf(starts, sampler.SlotOf(sampler.NextKey(stream)))]++;
        }

        var share = sampler.ShareOfShards(starts);
        for (int s = 0; s < 3; s++)
        {
            // 30,000 draws: a binomial standard deviation of about 0.0027; five of them.
            Assert.InRange(counts[s] / 30_000.0, share[s] - 0.014, share[s] + 0.014);
            Assert.InRange(share[s], 0.31, 0.36);
        }
    }

    [Fact]
    public void NextKey_HotKey_HalfTheWritesHitKey0()
    {
        var sampler = new KeySampler(new KeySpaceSpec(1000, KeyDistribution.HotKey, 0.99, 0.5));
        var stream = new RedisFailoverSim.Engine.Random.RandomStream(3);
        int hot = 0;
        for (int i = 0; i < 10_000; i++)
        {
            hot += sampler.NextKey(stream) == 0 ? 1 : 0;
        }

        Assert.InRange(hot, 4850, 5150);

        // key:0 is slot 2592, in shard 0 of three: that shard takes the hot half plus its slots' part of the rest.
        int othersInShard0 = Enumerable.Range(1, 999).Count(k => HashSlot.Of("key:" + k) < 5461);
        Assert.Equal(0.5 + (0.5 * othersInShard0 / 999.0), sampler.ShareOfShards(SlotRanges.Starts(3))[0], 12);
    }

    [Fact]
    public void NextKey_Zipf_FirstKeyIsTheMostFrequent()
    {
        var sampler = new KeySampler(new KeySpaceSpec(1000, KeyDistribution.Zipf, 1.0, 0.5));
        var stream = new RedisFailoverSim.Engine.Random.RandomStream(5);
        var counts = new int[1000];
        for (int i = 0; i < 20_000; i++)
        {
            counts[sampler.NextKey(stream)]++;
        }

        // With s = 1 and 1000 keys key:0 takes 1 / H(1000) = 13.4 % of the writes, key:1 half of that.
        Assert.InRange(counts[0] / 20_000.0, 0.125, 0.143);
        Assert.InRange(counts[1] / (double)counts[0], 0.45, 0.55);
    }
}
