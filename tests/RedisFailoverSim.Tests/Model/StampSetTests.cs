using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Tests.Model;

public class StampSetTests
{
    [Fact]
    public void Add_InOrderAndOutOfOrder_MergesIntoOneInterval()
    {
        var set = new StampSet();
        foreach (long stamp in new long[] { 1, 2, 3, 5, 6, 4, 10, 8, 9, 7 })
        {
            set.Add(stamp);
        }

        Assert.Equal(1, set.IntervalCount);
        Assert.Equal(10, set.Count);
    }

    [Fact]
    public void Add_WithHoles_KeepsOneIntervalPerRunAndCountsShared()
    {
        var acked = new StampSet();
        acked.AddRange(1, 100);
        acked.AddRange(102, 200);
        var final = new StampSet();
        final.AddRange(50, 150);

        Assert.Equal(2, acked.IntervalCount);
        Assert.Equal(199, acked.Count);
        Assert.Equal(100, acked.CountShared(final));
        Assert.True(acked.Contains(102));
        Assert.False(acked.Contains(101));
    }

    [Fact]
    public void Add_StampAlreadyHeld_FailsAnInvariant()
    {
        var set = new StampSet();
        set.AddRange(5, 9);
        Assert.Throws<InvariantViolatedException>(() => set.Add(7));
    }
}
