using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Serverless;

namespace RedisFailoverSim.Tests.Model.Serverless;

/// <summary>One slot's ceiling of 30,000 ECPU/s (docs/sources.md §5, A163): a cell-rate limiter with 1 ms of burst.</summary>
public class SlotCeilingTests
{
    [Fact]
    public void WaitAt_RequestsArrivingTogether_QueueBehindTheSlotsRateLessOneMillisecond()
    {
        var ceiling = new SlotCeiling();
        var now = SimTime.Zero;

        // 30 ECPUs take 1 ms of a 30,000 ECPU/s slot: after 100 of them the next waits 100 ms less the 1 ms burst.
        for (int i = 0; i < 100; i++)
        {
            ceiling.Charge(slot: 7, now, ecpus: 30);
        }

        Assert.Equal(SimDuration.FromMilliseconds(99), ceiling.WaitAt(7, now));
        Assert.Equal(SimDuration.Zero, ceiling.WaitAt(8, now));
        Assert.Equal(SimDuration.FromMilliseconds(49), ceiling.WaitAt(7, now + SimDuration.FromMilliseconds(50)));
    }

    [Fact]
    public void WaitAt_BelowTheCeiling_NeverWaits()
    {
        var ceiling = new SlotCeiling();

        // 8 ECPUs every 300 us is 26,667 ECPU/s, under the ceiling.
        for (int i = 0; i < 10_000; i++)
        {
            var now = SimTime.FromStart(SimDuration.FromMicroseconds(300L * i));
            Assert.Equal(SimDuration.Zero, ceiling.WaitAt(3, now));
            ceiling.Charge(3, now, ecpus: 8);
        }
    }
}
