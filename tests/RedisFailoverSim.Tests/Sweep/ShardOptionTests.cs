using RedisFailoverSim.Cli.Sweep;
using RedisFailoverSim.Reporting.Sweep;

namespace RedisFailoverSim.Tests.Sweep;

public sealed class ShardOptionTests
{
    [Fact]
    public void TryParse_TwoOfFour_IsStridedOverTheRuns()
    {
        var shard = ShardOption.TryParse("2/4", runs: 11, out var problem);

        Assert.Null(problem);
        Assert.Equal(new SweepShard(2, 4), shard);
        Assert.Equal([2, 6, 10], shard!.Runs(11));
        Assert.Equal("2/4", shard.ToString());
    }

    [Fact]
    public void Runs_EveryShardOfSeven_CoversEachReplicationOnce()
    {
        var all = Enumerable.Range(0, 7).SelectMany(i => new SweepShard(i, 7).Runs(100)).Order().ToList();

        Assert.Equal(Enumerable.Range(0, 100), all);
    }

    [Theory]
    [InlineData("0/0", "'0/0': expected 0 <= i < n, e.g. 0/2 ... 1/2")]
    [InlineData("-1/4", "expected i/n, shard i (from 0) of n, e.g. 0/4 ... 3/4; found '-1/4'")]
    [InlineData("1/2/3", "expected i/n, shard i (from 0) of n, e.g. 0/4 ... 3/4; found '1/2/3'")]
    public void TryParse_Bad_SaysWhatWasExpected(string text, string expected)
    {
        Assert.Null(ShardOption.TryParse(text, runs: 10, out var problem));
        Assert.Equal(expected, problem);
    }
}
