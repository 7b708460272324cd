using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Tests.Engine;

public class SimTimeTests
{
    [Fact]
    public void FromSecondsRounded_SampledDouble_RoundsOnceToWholeNanoseconds()
    {
        Assert.Equal(1_500_000_001L, SimDuration.FromSecondsRounded(1.5000000006).Nanoseconds);
        Assert.Equal(30_000_000_000L, SimDuration.FromMilliseconds(30_000).Nanoseconds);
    }

    [Fact]
    public void InstantMinusInstant_IsDuration()
    {
        var crash = SimTime.FromStart(SimDuration.FromSeconds(10));
        var promoted = crash + SimDuration.FromMilliseconds(31_250);
        Assert.Equal(SimDuration.FromMilliseconds(31_250), promoted - crash);
        Assert.Equal("t=41.250s", promoted.ToString());
    }
}
